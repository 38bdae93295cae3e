<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>AdminModels</name>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rola</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywne</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <source>set</source>
        <translation>ustawione</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nieustawione</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Pracownik</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Czynność</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Rekord</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatyczna</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>ręczna</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>przed przywróceniem</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>przed aktualizacją</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Utworzono</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Rozmiar</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Plik</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Użytkownicy</translation>
    </message>
    <message>
        <source>Audit &amp;trail</source>
        <translation>&amp;Dziennik zdarzeń</translation>
    </message>
    <message>
        <source>&amp;Integrity and backups</source>
        <translation>&amp;Spójność i kopie zapasowe</translation>
    </message>
    <message>
        <source>Administration is for administrators and HR. Your role ({0}) does not include it.</source>
        <translation>Administracja jest dostępna dla administratorów i działu kadr. Rola „{0}” jej nie obejmuje.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administracja</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Utwórz konto administratora</translation>
    </message>
    <message>
        <source>Nobody can sign in to this database yet. Create the administrator account: the administrator adds the other users and gives them their roles.</source>
        <translation>Nikt nie może się jeszcze zalogować do tej bazy danych. Proszę utworzyć konto administratora: administrator dodaje pozostałych użytkowników i nadaje im role.</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Powtórz hasło:</translation>
    </message>
    <message>
        <source>At least {0} characters; a short sentence is easy to remember.</source>
        <translation>Co najmniej {0} znaków; krótkie zdanie łatwo zapamiętać.</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>&amp;Utwórz i zaloguj</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Podane hasła różnią się.</translation>
    </message>
</context>
<context>
    <name>MaintenanceTab</name>
    <message>
        <source>&amp;Check the database</source>
        <translation>&amp;Sprawdź bazę danych</translation>
    </message>
    <message>
        <source>Result of the database check</source>
        <translation>Wynik sprawdzenia bazy danych</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Utwórz kopię teraz</translation>
    </message>
    <message>
        <source>&amp;Restore the selected backup…</source>
        <translation>&amp;Przywróć wybraną kopię…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Kopie zapasowe</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backups&lt;/b&gt; (an automatic one is made every day)</source>
        <translation>&lt;b&gt;Kopie zapasowe&lt;/b&gt; (kopia automatyczna jest tworzona codziennie)</translation>
    </message>
    <message>
        <source>Checked {0}: {1}</source>
        <translation>Sprawdzono {0}: {1}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Nie wykryto żadnych problemów.</translation>
    </message>
    <message>
        <source>{0} problem(s) found.</source>
        <translation>Wykryte problemy: {0}.</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Sprawdzanie bazy danych…</translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation>Kopię zapasową zapisano w {0}</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Tworzenie kopii zapasowej bazy danych…</translation>
    </message>
    <message>
        <source>Replace everything in the database with the backup from {0}? Changes made after it will be gone from the database; a safety copy of the current state is made first, so this can be undone.</source>
        <translation>Zastąpić całą zawartość bazy danych kopią z {0}? Zmiany wprowadzone po jej utworzeniu znikną z bazy; najpierw zostanie wykonana kopia bezpieczeństwa bieżącego stanu, więc operację można cofnąć.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Przywracanie kopii zapasowej</translation>
    </message>
    <message>
        <source>Restored. The state before the restore was saved as {0}.</source>
        <translation>Przywrócono. Stan sprzed przywrócenia zapisano jako {0}.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Przywracanie kopii zapasowej…</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;ola:</translation>
    </message>
</context>
<context>
    <name>OpenDatabase</name>
    <message>
        <source>Server password</source>
        <translation>Hasło serwera</translation>
    </message>
    <message>
        <source>The server asks for the password of {0}:</source>
        <translation>Serwer prosi o hasło dla {0}:</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Otwórz bazę danych</translation>
    </message>
    <message>
        <source>The window stays on {0}; nothing was changed.</source>
        <translation>Okno pozostaje przy {0}; nic nie zostało zmienione.</translation>
    </message>
</context>
<context>
    <name>OpenDatabaseDialog</name>
    <message>
        <source>Open database</source>
        <translation>Otwórz bazę danych</translation>
    </message>
    <message>
        <source>Open a database file on this computer, or the office store on a server (its address, e.g. postgresql+psycopg://auditdesk@server/auditdesk). The server&apos;s password is asked for when it is needed and never remembered.</source>
        <translation>Otwórz plik bazy danych na tym komputerze albo bazę urzędu na serwerze (jej adres, np. postgresql+psycopg://auditdesk@serwer/auditdesk). O hasło serwera program zapyta, gdy będzie potrzebne; nigdy go nie zapamiętuje.</translation>
    </message>
    <message>
        <source>&amp;File…</source>
        <translation>&amp;Plik…</translation>
    </message>
    <message>
        <source>postgresql+psycopg://user@server/auditdesk, or a file</source>
        <translation>postgresql+psycopg://użytkownik@serwer/auditdesk albo plik</translation>
    </message>
    <message>
        <source>Server address or database file</source>
        <translation>Adres serwera lub plik bazy danych</translation>
    </message>
    <message>
        <source>&amp;Server address (or a recent one):</source>
        <translation>&amp;Adres serwera (lub jeden z ostatnich):</translation>
    </message>
    <message>
        <source>AuditDesk database (*.sqlite *.db);;All files (*)</source>
        <translation>Baza danych AuditDesk (*.sqlite *.db);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Give the server address, choose a recent one, or choose a file.</source>
        <translation>Podaj adres serwera, wybierz jeden z ostatnich albo wybierz plik.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Powtórz hasło:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Podane hasła różnią się.</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nowy użytkownik</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Damaged database</source>
        <translation>Uszkodzona baza danych</translation>
    </message>
    <message>
        <source>The database {0} {1}.

The latest intact backup is from {2} ({3}). Restore it? Changes made after that backup will be missing. The damaged file is kept beside it, renamed, so nothing is deleted.</source>
        <translation>Baza danych {0}: {1}.

Najnowsza nieuszkodzona kopia zapasowa pochodzi z {2} ({3}). Przywrócić ją? Zmian wprowadzonych po jej utworzeniu nie będzie. Uszkodzony plik zostanie zachowany obok pod zmienioną nazwą, więc nic nie zostanie usunięte.</translation>
    </message>
    <message>
        <source>The backup was restored. The damaged file was kept as {0}.</source>
        <translation>Kopię zapasową przywrócono. Uszkodzony plik zachowano jako {0}.</translation>
    </message>
    <message>
        <source>The automatic backup could not be made: {0}</source>
        <translation>Nie udało się utworzyć automatycznej kopii zapasowej: {0}</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Role of {0}</source>
        <translation>Rola użytkownika {0}</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;ola:</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to AuditDesk</source>
        <translation>Logowanie do AuditDesk</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Baza danych: {0}</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <source>This is a demo database. Its accounts still have the demo passwords:</source>
        <translation>To jest demonstracyjna baza danych. Jej konta mają wciąż hasła demonstracyjne:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Zaloguj</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Otwieranie bazy danych…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Proszę podać login.</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Sprawdzanie hasła…</translation>
    </message>
    <message>
        <source>Wrong login or password, or the account is inactive.</source>
        <translation>Nieprawidłowy login lub hasło albo konto jest nieaktywne.</translation>
    </message>
    <message>
        <source>Too many failed attempts. You can try again in {0} s.</source>
        <translation>Zbyt wiele nieudanych prób. Kolejna próba będzie możliwa za {0} s.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Można spróbować ponownie.</translation>
    </message>
</context>
<context>
    <name>TrailTab</name>
    <message>
        <source>any</source>
        <translation>dowolny</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Szukaj</translation>
    </message>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>&amp;Weryfikuj łańcuch</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Kto:</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>&amp;Czynność:</translation>
    </message>
    <message>
        <source>R&amp;ecord:</source>
        <translation>&amp;Rekord:</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Od:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Do:</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Dziennik zdarzeń</translation>
    </message>
    <message>
        <source>Details of the selected trail entry</source>
        <translation>Szczegóły wybranego wpisu dziennika</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>dowolny dzień</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(wszystkie)</translation>
    </message>
    <message>
        <source>{0} matching entries; the newest {1} are shown.</source>
        <translation>Pasujące wpisy: {0}; wyświetlono {1} najnowszych.</translation>
    </message>
    <message>
        <source>The audit trail is intact: no entry was altered or removed.</source>
        <translation>Dziennik zdarzeń jest nienaruszony: żaden wpis nie został zmieniony ani usunięty.</translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation>Weryfikacja dziennika zdarzeń…</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Przed zmianą:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Po zmianie:</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Users</source>
        <translation>Użytkownicy</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Nowy użytkownik…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Zmień &amp;rolę…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Dezaktywuj</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>Ustaw &amp;hasło…</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktywuj</translation>
    </message>
    <message>
        <source>Created the account {0}.</source>
        <translation>Utworzono konto {0}.</translation>
    </message>
    <message>
        <source>{0} now has the role {1}.</source>
        <translation>{0} ma teraz rolę: {1}.</translation>
    </message>
    <message>
        <source>{0} can sign in again.</source>
        <translation>{0} może się ponownie logować.</translation>
    </message>
    <message>
        <source>{0} is deactivated; their records stay.</source>
        <translation>Konto {0} zostało dezaktywowane; jego zapisy pozostają.</translation>
    </message>
    <message>
        <source>New password for {0}</source>
        <translation>Nowe hasło dla {0}</translation>
    </message>
    <message>
        <source>New password set for {0}.</source>
        <translation>Ustawiono nowe hasło dla {0}.</translation>
    </message>
</context>
</TS>
