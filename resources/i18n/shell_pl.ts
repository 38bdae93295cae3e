<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About AuditDesk</source>
        <translation>O programie AuditDesk</translation>
    </message>
    <message>
        <source>Monitoring and measuring customer-service standards in a public office: mystery-client audits, appraisals, satisfaction surveys, complaints, research and timeliness of cases.</source>
        <translation>Monitorowanie i pomiar standardów obsługi klienta w urzędzie: Tajemniczy Klient, oceny okresowe, badania satysfakcji, skargi, badania dodatkowe i terminowość załatwiania spraw.</translation>
    </message>
    <message>
        <source>Python {0}, Qt {1}</source>
        <translation>Python {0}, Qt {1}</translation>
    </message>
    <message>
        <source>Licences of the bundled fonts:</source>
        <translation>Licencje dołączonych czcionek:</translation>
    </message>
    <message>
        <source>Font licences</source>
        <translation>Licencje czcionek</translation>
    </message>
</context>
<context>
    <name>AdminModels</name>
    <message>
        <source>auditor</source>
        <translation>audytor</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>przełożony</translation>
    </message>
    <message>
        <source>HR</source>
        <translation>kadry</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>AuditDesk</source>
        <translation>AuditDesk</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>Otwórz inny plik…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Otwórz bazę danych</translation>
    </message>
    <message>
        <source>Encrypted database</source>
        <translation>Zaszyfrowana baza danych</translation>
    </message>
    <message>
        <source>Passphrase for {0}:</source>
        <translation>Hasło do pliku {0}:</translation>
    </message>
    <message>
        <source>This database is empty. Fill it with a demo office (units, staff, users and sample records) so you can try AuditDesk out?</source>
        <translation>Ta baza danych jest pusta. Czy wypełnić ją przykładowym urzędem (komórki, pracownicy, użytkownicy i przykładowe rekordy), aby wypróbować AuditDesk?</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>AuditDesk</source>
        <translation>AuditDesk</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>AuditDesk: unexpected error</source>
        <translation>AuditDesk: nieoczekiwany błąd</translation>
    </message>
    <message>
        <source>Something went wrong that AuditDesk did not expect. Your saved work is safe in the database. Please copy the report below and send it to your administrator. The full log is in: {folder}</source>
        <translation>Wystąpił błąd, którego AuditDesk nie przewidział. Zapisane dane są bezpieczne w bazie. Skopiuj poniższy raport i przekaż go administratorowi. Pełny dziennik znajduje się w: {folder}</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Raport o błędzie</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Kopiuj raport</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No data yet – %1</source>
        <translation>Brak danych – %1</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Getting started</source>
        <translation>Pierwsze kroki</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>Audyty</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>Plan wizyt</translation>
    </message>
    <message>
        <source>Appraisals</source>
        <translation>Oceny okresowe</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Monitorowanie</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Przegląd</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protokoły</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administracja</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Dane osobowe</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronizacja</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>AuditDesk help</source>
        <translation>Pomoc AuditDesk</translation>
    </message>
    <message>
        <source>Help pages</source>
        <translation>Strony pomocy</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>Strona pomocy</translation>
    </message>
    <message>
        <source>AuditDesk help – %1</source>
        <translation>Pomoc AuditDesk – %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Visit</source>
        <translation>Wizyta</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>E-service</source>
        <translation>E-usługa</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Wersja robocza</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Zakończony</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Podpisany</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>zaplanowane</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>w toku</translation>
    </message>
    <message>
        <source>done</source>
        <translation>wykonane</translation>
    </message>
    <message>
        <source>acknowledgement</source>
        <translation>zapoznanie się</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>odpowiedź</translation>
    </message>
    <message>
        <source>file attached</source>
        <translation>dołączenie pliku</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>kopia zapasowa</translation>
    </message>
    <message>
        <source>change</source>
        <translation>zmiana</translation>
    </message>
    <message>
        <source>password change</source>
        <translation>zmiana hasła</translation>
    </message>
    <message>
        <source>completion</source>
        <translation>zakończenie</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>korekta</translation>
    </message>
    <message>
        <source>creation</source>
        <translation>utworzenie</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>dane demonstracyjne</translation>
    </message>
    <message>
        <source>deactivation</source>
        <translation>dezaktywacja</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>rozstrzygnięcie</translation>
    </message>
    <message>
        <source>deletion</source>
        <translation>usunięcie</translation>
    </message>
    <message>
        <source>file removed</source>
        <translation>usunięcie pliku</translation>
    </message>
    <message>
        <source>dispute</source>
        <translation>zakwestionowanie</translation>
    </message>
    <message>
        <source>drawn signature</source>
        <translation>podpis odręczny</translation>
    </message>
    <message>
        <source>units excluded</source>
        <translation>wykluczenie komórek</translation>
    </message>
    <message>
        <source>export</source>
        <translation>eksport</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>objection</source>
        <translation>odwołanie</translation>
    </message>
    <message>
        <source>printout</source>
        <translation>wydruk</translation>
    </message>
    <message>
        <source>reactivation</source>
        <translation>ponowna aktywacja</translation>
    </message>
    <message>
        <source>recount</source>
        <translation>przeliczenie</translation>
    </message>
    <message>
        <source>reopening</source>
        <translation>ponowne otwarcie</translation>
    </message>
    <message>
        <source>replacement</source>
        <translation>zastąpienie</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation>reset hasła</translation>
    </message>
    <message>
        <source>conflict resolution</source>
        <translation>rozstrzygnięcie konfliktu</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>przywrócenie</translation>
    </message>
    <message>
        <source>save</source>
        <translation>zapis</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>podpisanie</translation>
    </message>
    <message>
        <source>sign-in</source>
        <translation>logowanie</translation>
    </message>
    <message>
        <source>start</source>
        <translation>rozpoczęcie</translation>
    </message>
    <message>
        <source>synchronisation</source>
        <translation>synchronizacja</translation>
    </message>
    <message>
        <source>update</source>
        <translation>aktualizacja</translation>
    </message>
    <message>
        <source>absence</source>
        <translation>nieobecność</translation>
    </message>
    <message>
        <source>action plan</source>
        <translation>plan działań</translation>
    </message>
    <message>
        <source>appraisal</source>
        <translation>ocena okresowa</translation>
    </message>
    <message>
        <source>appraisal rating</source>
        <translation>ocena kryterium</translation>
    </message>
    <message>
        <source>audit</source>
        <translation>audyt</translation>
    </message>
    <message>
        <source>audit dispute</source>
        <translation>zastrzeżenie do audytu</translation>
    </message>
    <message>
        <source>audit standard counts</source>
        <translation>zliczenia standardów audytu</translation>
    </message>
    <message>
        <source>auditor</source>
        <translation>audytor</translation>
    </message>
    <message>
        <source>case register column mapping</source>
        <translation>przypisanie kolumn rejestru spraw</translation>
    </message>
    <message>
        <source>case register import</source>
        <translation>import rejestru spraw</translation>
    </message>
    <message>
        <source>case</source>
        <translation>sprawa</translation>
    </message>
    <message>
        <source>database</source>
        <translation>baza danych</translation>
    </message>
    <message>
        <source>development action</source>
        <translation>działanie rozwojowe</translation>
    </message>
    <message>
        <source>development area</source>
        <translation>obszar rozwoju</translation>
    </message>
    <message>
        <source>feedback note</source>
        <translation>notatka o informacji zwrotnej</translation>
    </message>
    <message>
        <source>form version</source>
        <translation>wersja formularza</translation>
    </message>
    <message>
        <source>improvement action</source>
        <translation>działanie doskonalące</translation>
    </message>
    <message>
        <source>complaint register entry</source>
        <translation>wpis w rejestrze skarg i wniosków</translation>
    </message>
    <message>
        <source>complaint register</source>
        <translation>rejestr skarg i wniosków</translation>
    </message>
    <message>
        <source>laptop</source>
        <translation>laptop</translation>
    </message>
    <message>
        <source>monitoring target</source>
        <translation>cel monitorowania</translation>
    </message>
    <message>
        <source>office</source>
        <translation>urząd</translation>
    </message>
    <message>
        <source>office setting</source>
        <translation>ustawienie urzędu</translation>
    </message>
    <message>
        <source>person</source>
        <translation>osoba</translation>
    </message>
    <message>
        <source>audit programme</source>
        <translation>program audytów</translation>
    </message>
    <message>
        <source>planned visit</source>
        <translation>zaplanowana wizyta</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>protokół</translation>
    </message>
    <message>
        <source>protocols</source>
        <translation>protokoły</translation>
    </message>
    <message>
        <source>reference data</source>
        <translation>dane słownikowe</translation>
    </message>
    <message>
        <source>research action</source>
        <translation>działanie po badaniu</translation>
    </message>
    <message>
        <source>retention rule</source>
        <translation>zasada przechowywania</translation>
    </message>
    <message>
        <source>survey campaign</source>
        <translation>badanie ankietowe</translation>
    </message>
    <message>
        <source>survey response</source>
        <translation>ankieta</translation>
    </message>
    <message>
        <source>synchronisation conflict</source>
        <translation>konflikt synchronizacji</translation>
    </message>
    <message>
        <source>user account</source>
        <translation>konto użytkownika</translation>
    </message>
    <message>
        <source>AuditDesk (automatic)</source>
        <translation>AuditDesk (automatycznie)</translation>
    </message>
    <message>
        <source>view the office&apos;s units</source>
        <translation>przeglądanie komórek urzędu</translation>
    </message>
    <message>
        <source>manage the office&apos;s units</source>
        <translation>zarządzanie komórkami urzędu</translation>
    </message>
    <message>
        <source>manage user accounts</source>
        <translation>zarządzanie kontami użytkowników</translation>
    </message>
    <message>
        <source>manage forms</source>
        <translation>zarządzanie formularzami</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>wykonywanie kopii zapasowej bazy</translation>
    </message>
    <message>
        <source>check the database</source>
        <translation>sprawdzanie spójności bazy</translation>
    </message>
    <message>
        <source>create demo data</source>
        <translation>tworzenie danych demonstracyjnych</translation>
    </message>
    <message>
        <source>view the audit trail</source>
        <translation>przeglądanie dziennika zdarzeń</translation>
    </message>
    <message>
        <source>export protocols</source>
        <translation>eksport protokołów</translation>
    </message>
    <message>
        <source>restore a backup</source>
        <translation>przywracanie kopii zapasowej</translation>
    </message>
    <message>
        <source>manage the case register</source>
        <translation>zarządzanie rejestrem spraw</translation>
    </message>
    <message>
        <source>view the timeliness of cases</source>
        <translation>przeglądanie terminowości spraw</translation>
    </message>
    <message>
        <source>manage satisfaction surveys</source>
        <translation>zarządzanie badaniami satysfakcji</translation>
    </message>
    <message>
        <source>view satisfaction surveys</source>
        <translation>przeglądanie badań satysfakcji</translation>
    </message>
    <message>
        <source>manage the complaints register</source>
        <translation>zarządzanie rejestrem skarg i wniosków</translation>
    </message>
    <message>
        <source>view the complaints register</source>
        <translation>przeglądanie rejestru skarg i wniosków</translation>
    </message>
    <message>
        <source>awaiting decision</source>
        <translation>czeka na rozpatrzenie</translation>
    </message>
    <message>
        <source>upheld</source>
        <translation>uwzględnione</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>nieuwzględnione</translation>
    </message>
    <message>
        <source>being prepared</source>
        <translation>w przygotowaniu</translation>
    </message>
    <message>
        <source>submitted to the manager</source>
        <translation>przekazany kierownikowi</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>zatwierdzony</translation>
    </message>
    <message>
        <source>returned for correction</source>
        <translation>zwrócony do poprawy</translation>
    </message>
    <message>
        <source>in preparation</source>
        <translation>w przygotowaniu</translation>
    </message>
    <message>
        <source>after the conversation</source>
        <translation>po rozmowie oceniającej</translation>
    </message>
    <message>
        <source>read by the employee</source>
        <translation>przyjęta do wiadomości</translation>
    </message>
    <message>
        <source>objection pending</source>
        <translation>odwołanie w toku</translation>
    </message>
    <message>
        <source>final</source>
        <translation>ostateczna</translation>
    </message>
    <message>
        <source>superseded after an objection</source>
        <translation>zastąpiona po odwołaniu</translation>
    </message>
    <message>
        <source>periodic</source>
        <translation>okresowa</translation>
    </message>
    <message>
        <source>follow-up after a negative appraisal</source>
        <translation>kolejna po ocenie negatywnej</translation>
    </message>
    <message>
        <source>objection upheld</source>
        <translation>odwołanie uwzględnione</translation>
    </message>
    <message>
        <source>objection rejected</source>
        <translation>odwołanie nieuwzględnione</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>pozytywna</translation>
    </message>
    <message>
        <source>corrective</source>
        <translation>korygująca</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>po terminie</translation>
    </message>
    <message>
        <source>due within 30 days</source>
        <translation>termin w ciągu 30 dni</translation>
    </message>
    <message>
        <source>due within 60 days</source>
        <translation>termin w ciągu 60 dni</translation>
    </message>
    <message>
        <source>not due</source>
        <translation>przed terminem</translation>
    </message>
    <message>
        <source>no start date</source>
        <translation>brak daty zatrudnienia</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Skarga</translation>
    </message>
    <message>
        <source>Grievance</source>
        <translation>Zażalenie</translation>
    </message>
    <message>
        <source>Negative opinion</source>
        <translation>Opinia negatywna</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>Pochwała</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Wniosek</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Pismo</translation>
    </message>
    <message>
        <source>ePUAP</source>
        <translation>ePUAP</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Osobiście</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>Telefonicznie</translation>
    </message>
    <message>
        <source>Justified</source>
        <translation>Zasadna</translation>
    </message>
    <message>
        <source>Partly justified</source>
        <translation>Częściowo zasadna</translation>
    </message>
    <message>
        <source>Unjustified</source>
        <translation>Bezzasadna</translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation>Przekazana wg właściwości</translation>
    </message>
    <message>
        <source>Left unexamined</source>
        <translation>Pozostawiona bez rozpatrzenia</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Bardzo dobry</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Dobry</translation>
    </message>
    <message>
        <source>Needs improvement</source>
        <translation>Wymaga poprawy</translation>
    </message>
    <message>
        <source>Unsatisfactory</source>
        <translation>Niezadowalający</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>Nawigacja</translation>
    </message>
    <message>
        <source>AuditDesk</source>
        <translation>AuditDesk</translation>
    </message>
    <message>
        <source>Opening the panel</source>
        <translation>Otwieranie panelu</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Otwórz bazę danych…</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>&amp;Kopia zapasowa bazy…</translation>
    </message>
    <message>
        <source>S&amp;ynchronise…</source>
        <translation>S&amp;ynchronizuj…</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>Zmień &amp;użytkownika…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Wyloguj</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Narzędzia</translation>
    </message>
    <message>
        <source>&amp;Check database</source>
        <translation>&amp;Sprawdź bazę danych</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ustawienia…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <source>&amp;Help for this panel</source>
        <translation>&amp;Pomoc do tego panelu</translation>
    </message>
    <message>
        <source>&amp;About AuditDesk</source>
        <translation>&amp;O programie AuditDesk</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Baza danych: {0}</translation>
    </message>
    <message>
        <source>Signed in: {0} ({1})</source>
        <translation>Zalogowano: {0} ({1})</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>Kopia zapasowa bazy danych</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite)</source>
        <translation>Baza SQLite (*.sqlite)</translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation>Kopię zapisano w {0}</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Tworzenie kopii zapasowej bazy…</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>Sprawdzenie bazy danych</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Nie znaleziono problemów.</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Sprawdzanie bazy danych…</translation>
    </message>
    <message>
        <source>Cannot save the settings to {0}: {1}</source>
        <translation>Nie można zapisać ustawień w {0}: {1}</translation>
    </message>
</context>
<context>
    <name>NoAccessPage</name>
    <message>
        <source>%1 or %2</source>
        <translation>%1 lub %2</translation>
    </message>
    <message>
        <source>You have no access to %1: it needs the role %2. If your work needs it, ask an administrator.</source>
        <translation>Nie masz dostępu do %1: wymaga to roli: %2. Jeśli potrzebujesz go w pracy, poproś administratora.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>PKCS#11 module</source>
        <translation>Moduł PKCS#11</translation>
    </message>
    <message>
        <source>PKCS#11 libraries (*.dll *.so *.so.* *.dylib);;All files (*)</source>
        <translation>Biblioteki PKCS#11 (*.dll *.so *.so.* *.dylib);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <source>Largest &amp;evidence file:</source>
        <translation>Największy plik &amp;dowodowy:</translation>
    </message>
    <message>
        <source>Automatic &amp;backups kept:</source>
        <translation>Liczba automatycznych &amp;kopii:</translation>
    </message>
    <message>
        <source>empty: signatures without a time-stamp (B-B)</source>
        <translation>puste: podpisy bez znacznika czasu (B-B)</translation>
    </message>
    <message>
        <source>&amp;Time-stamp server (TSA) URL:</source>
        <translation>Adres serwera &amp;znacznika czasu (TSA):</translation>
    </message>
    <message>
        <source>PKCS#11 module (smart card)</source>
        <translation>Moduł PKCS#11 (karta kryptograficzna)</translation>
    </message>
    <message>
        <source>none found: choose the card software&apos;s PKCS#11 library</source>
        <translation>nie znaleziono: wskaż bibliotekę PKCS#11 oprogramowania karty</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Wybierz &amp;plik…</translation>
    </message>
    <message>
        <source>Browse for a PKCS#11 module</source>
        <translation>Wybierz plik modułu PKCS#11</translation>
    </message>
    <message>
        <source>PKCS#11 &amp;module (smart card):</source>
        <translation>&amp;Moduł PKCS#11 (karta kryptograficzna):</translation>
    </message>
    <message>
        <source>PKCS#11 t&amp;oken label:</source>
        <translation>Etykieta t&amp;okenu PKCS#11:</translation>
    </message>
    <message>
        <source>PKCS#11 &amp;key label:</source>
        <translation>Etykieta &amp;klucza PKCS#11:</translation>
    </message>
    <message>
        <source>(software token, for tests)</source>
        <translation>(token programowy, do testów)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>TableActions</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiuj</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportuj…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drukuj…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Skoroszyt Excela (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, Polish settings: semicolons, decimal comma (*.csv)</source>
        <translation>CSV, ustawienia polskie: średniki, przecinek dziesiętny (*.csv)</translation>
    </message>
    <message>
        <source>CSV, international: commas, decimal point (*.csv)</source>
        <translation>CSV, międzynarodowy: przecinki, kropka dziesiętna (*.csv)</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>Eksport tabeli</translation>
    </message>
    <message>
        <source>Rows written: %1.
File: %2</source>
        <translation>Zapisano wierszy: %1.
Plik: %2</translation>
    </message>
    <message>
        <source>Print the table</source>
        <translation>Drukowanie tabeli</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
</TS>
