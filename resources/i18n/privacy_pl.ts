<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>PersonTab</name>
    <message>
        <source>number, badge, login or last name</source>
        <translation>numer, identyfikator, login lub nazwisko</translation>
    </message>
    <message>
        <source>Employee to look up</source>
        <translation>Szukany pracownik</translation>
    </message>
    <message>
        <source>What is held about the person</source>
        <translation>Dane przechowywane o osobie</translation>
    </message>
    <message>
        <source>&amp;Export (PDF and JSON)…</source>
        <translation>&amp;Eksportuj (PDF i JSON)…</translation>
    </message>
    <message>
        <source>Record a &amp;request…</source>
        <translation>&amp;Zapisz żądanie…</translation>
    </message>
    <message>
        <source>Day the employment ended</source>
        <translation>Dzień ustania zatrudnienia</translation>
    </message>
    <message>
        <source>Save the end of employment</source>
        <translation>Zapisz ustanie zatrudnienia</translation>
    </message>
    <message>
        <source>Who read the person&apos;s appraisals</source>
        <translation>Kto odczytał oceny osoby</translation>
    </message>
    <message>
        <source>Requests about the person&apos;s data</source>
        <translation>Żądania dotyczące danych osoby</translation>
    </message>
    <message>
        <source>E&amp;mployee:</source>
        <translation>Pr&amp;acownik:</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>Zna&amp;jdź</translation>
    </message>
    <message>
        <source>Employment en&amp;ded on</source>
        <translation>Zatrudnienie &amp;ustało dnia</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Zapi&amp;sz</translation>
    </message>
    <message>
        <source>Who read the &amp;appraisals</source>
        <translation>&amp;Kto odczytał oceny</translation>
    </message>
    <message>
        <source>Re&amp;quests</source>
        <translation>Żądan&amp;ia</translation>
    </message>
    <message>
        <source>Find an employee to see what is held about them.</source>
        <translation>Znajdź pracownika, aby zobaczyć, jakie dane o nim przechowujemy.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Processing is restricted&lt;/b&gt;: the retention run leaves their records.</source>
        <translation>&lt;b&gt;Przetwarzanie jest ograniczone&lt;/b&gt;: retencja pomija rekordy tej osoby.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; (#{1}), {2}, {3}&lt;br&gt;Appraisals: {4}; development areas: {5}; feedback notes: {6}; audits as the observed official: {7}; complaints naming them: {8}; trail entries: {9}&lt;br&gt;{10}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; (nr {1}), {2}, {3}&lt;br&gt;Oceny okresowe: {4}; obszary do rozwoju: {5}; notatki: {6}; badania jako obserwowany urzędnik: {7}; skargi wskazujące osobę: {8}; wpisy dziennika: {9}&lt;br&gt;{10}</translation>
    </message>
    <message>
        <source>Saved {0} and {1}.</source>
        <translation>Zapisano {0} i {1}.</translation>
    </message>
    <message>
        <source>Exporting the person&apos;s data…</source>
        <translation>Eksport danych osoby…</translation>
    </message>
    <message>
        <source>Recorded: {0}.</source>
        <translation>Zapisano: {0}.</translation>
    </message>
    <message>
        <source>Employment ended on {0}.</source>
        <translation>Zatrudnienie ustało {0}.</translation>
    </message>
    <message>
        <source>Recorded as still employed.</source>
        <translation>Zapisano: nadal zatrudniony.</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>Folder for the archive hand-over files</source>
        <translation>Folder na pliki przekazania do archiwum</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Rodzaj danych</translation>
    </message>
    <message>
        <source>Kept for</source>
        <translation>Przechowywane</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Następnie</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n rok</numerusform>
            <numerusform>%n lata</numerusform>
            <numerusform>%n lat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n miesiąc</numerusform>
            <numerusform>%n miesiące</numerusform>
            <numerusform>%n miesięcy</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Zmienił</translation>
    </message>
    <message>
        <source>default</source>
        <translation>domyślnie</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Działanie</translation>
    </message>
    <message>
        <source>Left because</source>
        <translation>Pozostawione, bo</translation>
    </message>
    <message>
        <source>Periodic appraisals</source>
        <translation>Oceny okresowe</translation>
    </message>
    <message>
        <source>Feedback notes</source>
        <translation>Notatki z bieżącej informacji zwrotnej</translation>
    </message>
    <message>
        <source>Audit photos and recordings</source>
        <translation>Zdjęcia i nagrania z badań</translation>
    </message>
    <message>
        <source>Observed official in audits</source>
        <translation>Obserwowany urzędnik w badaniach</translation>
    </message>
    <message>
        <source>Complaints and opinions</source>
        <translation>Skargi, wnioski i opinie</translation>
    </message>
    <message>
        <source>Log of appraisal reads</source>
        <translation>Rejestr odczytów ocen</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>usunięcie</translation>
    </message>
    <message>
        <source>anonymise</source>
        <translation>anonimizacja</translation>
    </message>
    <message>
        <source>hand over to the archive</source>
        <translation>przekazanie do archiwum</translation>
    </message>
    <message>
        <source>access (export)</source>
        <translation>dostęp (eksport)</translation>
    </message>
    <message>
        <source>rectification</source>
        <translation>sprostowanie</translation>
    </message>
    <message>
        <source>restriction of processing</source>
        <translation>ograniczenie przetwarzania</translation>
    </message>
    <message>
        <source>restriction lifted</source>
        <translation>zniesienie ograniczenia</translation>
    </message>
    <message>
        <source>processing restricted</source>
        <translation>przetwarzanie ograniczone</translation>
    </message>
    <message>
        <source>no archive folder given</source>
        <translation>nie wskazano folderu archiwum</translation>
    </message>
    <message>
        <source>periodic appraisal of staff and their development programme</source>
        <translation>ocena okresowa pracowników i ich indywidualny program rozwoju</translation>
    </message>
    <message>
        <source>preparing the next periodic appraisal</source>
        <translation>przygotowanie kolejnej oceny okresowej</translation>
    </message>
    <message>
        <source>proof of the audit&apos;s findings while they can be disputed</source>
        <translation>dowód ustaleń badania, dopóki można je zakwestionować</translation>
    </message>
    <message>
        <source>feedback to the official and their next appraisal</source>
        <translation>informacja zwrotna dla urzędnika i jego kolejna ocena</translation>
    </message>
    <message>
        <source>the hard indicators of contentment (deadlines, counts per unit)</source>
        <translation>twarde wskaźniki zadowolenia (terminowość, liczby w komórkach)</translation>
    </message>
    <message>
        <source>accountability for reading personal data (RODO art. 5(2), art. 32)</source>
        <translation>rozliczalność odczytów danych osobowych (RODO art. 5 ust. 2, art. 32)</translation>
    </message>
    <message>
        <source>RODO art. 6(1)(c) with the Civil Service Act art. 81 / the Local Government Employees Act art. 28 and the Labour Code art. 94(4) (personnel files)</source>
        <translation>RODO art. 6 ust. 1 lit. c w zw. z art. 81 ustawy o służbie cywilnej / art. 28 ustawy o pracownikach samorządowych oraz art. 94⁴ Kodeksu pracy (dokumentacja pracownicza)</translation>
    </message>
    <message>
        <source>1 January of the year after the employment ended (the day recorded by HR)</source>
        <translation>1 stycznia roku następującego po ustaniu zatrudnienia (dzień wpisują kadry)</translation>
    </message>
    <message>
        <source>RODO art. 6(1)(c) with the appraisal provisions (as for appraisals)</source>
        <translation>RODO art. 6 ust. 1 lit. c w zw. z przepisami o ocenach okresowych (jak dla ocen)</translation>
    </message>
    <message>
        <source>RODO art. 6(1)(e) (the office&apos;s task of measuring its service standards) with art. 6(1)(c) for the appraisal that may cite the audit</source>
        <translation>RODO art. 6 ust. 1 lit. e (zadanie urzędu: pomiar standardów obsługi) oraz art. 6 ust. 1 lit. c dla oceny, która może powołać badanie</translation>
    </message>
    <message>
        <source>RODO art. 6(1)(e) with art. 6(1)(c) (appraisal provisions)</source>
        <translation>RODO art. 6 ust. 1 lit. e oraz art. 6 ust. 1 lit. c (przepisy o ocenach)</translation>
    </message>
    <message>
        <source>RODO art. 6(1)(c) with the Code of Administrative Procedure section VIII (art. 221-256) and the office&apos;s filing plan (JRWA)</source>
        <translation>RODO art. 6 ust. 1 lit. c w zw. z działem VIII Kodeksu postępowania administracyjnego (art. 221–256) i jednolitym rzeczowym wykazem akt (JRWA)</translation>
    </message>
    <message>
        <source>RODO art. 6(1)(c) with art. 32</source>
        <translation>RODO art. 6 ust. 1 lit. c w zw. z art. 32</translation>
    </message>
    <message>
        <source>the day of the note; a note taken into an appraisal follows the appraisal</source>
        <translation>dzień notatki; notatka włączona do oceny dzieli los oceny</translation>
    </message>
    <message>
        <source>the completion of the audit; never while a dispute of it is open</source>
        <translation>zakończenie badania; nigdy w czasie otwartego sporu o nie</translation>
    </message>
    <message>
        <source>the day of the visit; never while a dispute of it is open</source>
        <translation>dzień wizyty; nigdy w czasie otwartego sporu o badanie</translation>
    </message>
    <message>
        <source>1 January of the year after the entry was settled (as the filing plan counts)</source>
        <translation>1 stycznia roku po załatwieniu sprawy (jak liczy JRWA)</translation>
    </message>
    <message>
        <source>the day of the reading</source>
        <translation>dzień odczytu</translation>
    </message>
    <message>
        <source>Save the person&apos;s data</source>
        <translation>Zapisz dane osoby</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
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
        <source>Appraisal</source>
        <translation>Ocena okresowa</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Rekord</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Żądanie</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Uwagi</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Zapisał</translation>
    </message>
</context>
<context>
    <name>PrivacyPanel</name>
    <message>
        <source>Personal data</source>
        <translation>Dane osobowe</translation>
    </message>
    <message>
        <source>&amp;Person&apos;s data</source>
        <translation>&amp;Dane osoby</translation>
    </message>
    <message>
        <source>Rete&amp;ntion</source>
        <translation>Re&amp;tencja</translation>
    </message>
    <message>
        <source>Personal data (retention, a person&apos;s access request) is for HR and administrators. Your role ({0}) does not include it.</source>
        <translation>Dane osobowe (retencja, żądanie dostępu osoby) są dla kadr i administratorów. Twoja rola ({0}) tego nie obejmuje.</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Request of {0}</source>
        <translation>Żądanie: {0}</translation>
    </message>
    <message>
        <source>Kind of request</source>
        <translation>Rodzaj żądania</translation>
    </message>
    <message>
        <source>What was asked and what was done</source>
        <translation>O co wniesiono i co zrobiono</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>Żą&amp;danie:</translation>
    </message>
    <message>
        <source>&amp;What was asked and done:</source>
        <translation>&amp;O co wniesiono i co zrobiono:</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <source>Retention rules</source>
        <translation>Zasady retencji</translation>
    </message>
    <message>
        <source>Purpose and legal basis of the selected type</source>
        <translation>Cel i podstawa prawna wybranego rodzaju danych</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mies.</translation>
    </message>
    <message>
        <source>Retention period in months</source>
        <translation>Okres przechowywania w miesiącach</translation>
    </message>
    <message>
        <source>What happens at the end of the period</source>
        <translation>Co dzieje się po upływie okresu</translation>
    </message>
    <message>
        <source>&amp;Save the rule</source>
        <translation>&amp;Zapisz zasadę</translation>
    </message>
    <message>
        <source>Selected record type</source>
        <translation>Wybrany rodzaj danych</translation>
    </message>
    <message>
        <source>&amp;Kept for:</source>
        <translation>P&amp;rzechowywane:</translation>
    </message>
    <message>
        <source>Th&amp;en:</source>
        <translation>N&amp;astępnie:</translation>
    </message>
    <message>
        <source>&amp;List what is due</source>
        <translation>Pokaż, co jest do &amp;usunięcia</translation>
    </message>
    <message>
        <source>&amp;Run the retention…</source>
        <translation>Wy&amp;konaj retencję…</translation>
    </message>
    <message>
        <source>Records due for retention</source>
        <translation>Rekordy do usunięcia lub anonimizacji</translation>
    </message>
    <message>
        <source>&lt;b&gt;Retention run&lt;/b&gt;</source>
        <translation>&lt;b&gt;Retencja&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Purpose: {1}&lt;br&gt;Legal basis: {2}&lt;br&gt;Counted from: {3}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Cel: {1}&lt;br&gt;Podstawa prawna: {2}&lt;br&gt;Liczone od: {3}</translation>
    </message>
    <message>
        <source>{0}: kept {1}, then {2}.</source>
        <translation>{0}: przechowywane ({1}), następnie {2}.</translation>
    </message>
    <message>
        <source>Nothing is due for retention today.</source>
        <translation>Dziś nic nie podlega retencji.</translation>
    </message>
    <message>
        <source>{0} record(s) due, {1} to be left. Nothing was changed yet.</source>
        <translation>Rekordów do retencji: {0}, do pozostawienia: {1}. Jeszcze nic nie zmieniono.</translation>
    </message>
    <message>
        <source>Listing what is due…</source>
        <translation>Wyszukiwanie rekordów do retencji…</translation>
    </message>
    <message>
        <source>Delete or anonymise {0} record(s) now, as listed? Each is done in a transaction of its own with an entry in the audit trail; this cannot be undone (a backup can).</source>
        <translation>Usunąć lub zanonimizować teraz wymienione rekordy ({0})? Każdy w osobnej transakcji z wpisem w dzienniku zdarzeń; tego nie można cofnąć (kopię zapasową można odtworzyć).</translation>
    </message>
    <message>
        <source>Run the retention</source>
        <translation>Wykonaj retencję</translation>
    </message>
    <message>
        <source>Record {0} of {1}</source>
        <translation>Rekord {0} z {1}</translation>
    </message>
    <message>
        <source>{0} record(s) deleted or anonymised, {1} left; {2} trail entries kept only as hashes.</source>
        <translation>Usunięte lub zanonimizowane rekordy: {0}, pozostawione: {1}; wpisy dziennika zachowane tylko jako skróty: {2}.</translation>
    </message>
    <message>
        <source>Cancelled: {0} record(s) were done before; list again for the rest.</source>
        <translation>Przerwano: wcześniej wykonano {0} rekord(ów); wyszukaj ponownie pozostałe.</translation>
    </message>
    <message>
        <source>Running the retention…</source>
        <translation>Wykonywanie retencji…</translation>
    </message>
</context>
</TS>
