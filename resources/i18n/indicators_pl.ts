<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>EntryDialog</name>
    <message>
        <source>New entry</source>
        <translation>Nowy wpis</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Wpis</translation>
    </message>
    <message>
        <source>Filed by an MP, senator or councillor</source>
        <translation>Złożona przez posła, senatora lub radnego</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Załatwiona</translation>
    </message>
    <message>
        <source>Settled on</source>
        <translation>Data załatwienia</translation>
    </message>
    <message>
        <source>Why a settled entry is changed</source>
        <translation>Dlaczego zmieniany jest wpis już załatwiony</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Rodzaj</translation>
    </message>
    <message>
        <source>&amp;Reference number</source>
        <translation>&amp;Znak sprawy</translation>
    </message>
    <message>
        <source>Received &amp;on</source>
        <translation>Data &amp;wpływu</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>&amp;Sposób wpływu</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Komórka</translation>
    </message>
    <message>
        <source>&amp;Employee</source>
        <translation>&amp;Pracownik</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Treść</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Załatwienie</translation>
    </message>
    <message>
        <source>Reason for the &amp;correction</source>
        <translation>Przyczyna &amp;korekty</translation>
    </message>
    <message>
        <source>Corrections:</source>
        <translation>Korekty:</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(nie wskazano)</translation>
    </message>
    <message>
        <source>No statutory deadline</source>
        <translation>Brak terminu ustawowego</translation>
    </message>
    <message>
        <source>Choose a unit.</source>
        <translation>Wybierz komórkę.</translation>
    </message>
</context>
<context>
    <name>Indicators</name>
    <message>
        <source>On time</source>
        <translation>W terminie</translation>
    </message>
    <message>
        <source>Late by %1 day(s)</source>
        <translation>Po terminie o %1 dn.</translation>
    </message>
    <message>
        <source>Open, overdue by %1 day(s)</source>
        <translation>Niezałatwiona, po terminie o %1 dn.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Niezałatwiona</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>Bez terminu</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Znak sprawy</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Wpłynęło</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Sposób wpływu</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Pracownik</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Załatwiono</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Rozstrzygnięcie</translation>
    </message>
    <message>
        <source>Timeliness</source>
        <translation>Terminowość</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Treść</translation>
    </message>
    <message>
        <source>Past its deadline</source>
        <translation>Po terminie</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Termin w ciągu 7 dni</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Miesiąc</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Po terminie</translation>
    </message>
    <message>
        <source>Open, overdue</source>
        <translation>Niezałatwione po terminie</translation>
    </message>
    <message>
        <source>Justified</source>
        <translation>Zasadna</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Częściowo zasadne</translation>
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
        <source>Complaints and research</source>
        <translation>Skargi i badania</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>Znak sprawy</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Data wpływu</translation>
    </message>
    <message>
        <source>From an MP, senator or councillor</source>
        <translation>Od posła, senatora lub radnego</translation>
    </message>
    <message>
        <source>Settled on</source>
        <translation>Data załatwienia</translation>
    </message>
    <message>
        <source>Questionnaire campaign</source>
        <translation>Badanie ankietowe</translation>
    </message>
    <message>
        <source>Questionnaire interview</source>
        <translation>Wywiad kwestionariuszowy</translation>
    </message>
    <message>
        <source>Focus group</source>
        <translation>Zogniskowany wywiad grupowy</translation>
    </message>
    <message>
        <source>In-depth interview</source>
        <translation>Indywidualny wywiad pogłębiony</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Data badania</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metoda</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Temat</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Komórki</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Liczba uczestników</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Otwarte działania</translation>
    </message>
    <message>
        <source>Some actions are past their due date</source>
        <translation>Niektóre działania są po terminie</translation>
    </message>
</context>
<context>
    <name>IndicatorsTab</name>
    <message>
        <source>Reading the register</source>
        <translation>Wczytywanie rejestru</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Rejestr</translation>
    </message>
    <message>
        <source>Monthly summary</source>
        <translation>Zestawienie miesięczne</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Terminy</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Badania dodatkowe</translation>
    </message>
    <message>
        <source>the complaints, opinions and research notes</source>
        <translation>skarg, opinii i notatek z badań</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Wszystkie komórki</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Wszystkie rodzaje</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Wszystkie</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Niezałatwione</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Po terminie</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Załatwione</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Data wpływu od</translation>
    </message>
    <message>
        <source>Received to</source>
        <translation>Wpłynęło do</translation>
    </message>
    <message>
        <source>to</source>
        <translation>do</translation>
    </message>
    <message>
        <source>Register of complaints and opinions</source>
        <translation>Rejestr skarg i opinii</translation>
    </message>
    <message>
        <source>Show &amp;more</source>
        <translation>Pokaż &amp;więcej</translation>
    </message>
    <message>
        <source>&amp;New entry…</source>
        <translation>&amp;Nowy wpis…</translation>
    </message>
    <message>
        <source>&amp;Edit / settle…</source>
        <translation>&amp;Edytuj / załatw…</translation>
    </message>
    <message>
        <source>&amp;Import register…</source>
        <translation>&amp;Importuj rejestr…</translation>
    </message>
    <message>
        <source>Open entries past their deadline (red) or due within 7 days (amber).</source>
        <translation>Niezałatwione wpisy po terminie (na czerwono) lub z terminem upływającym w ciągu 7 dni (na pomarańczowo).</translation>
    </message>
    <message>
        <source>add a complaint or an opinion (Ctrl+N) or import a register (Ctrl+I).</source>
        <translation>dodaj skargę lub opinię (Ctrl+N) albo zaimportuj rejestr (Ctrl+I).</translation>
    </message>
    <message>
        <source>HR registers the complaints and opinions or imports their register.</source>
        <translation>skargi i opinie rejestrują lub importują kadry.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 z %2</translation>
    </message>
    <message>
        <source>Received: %1. Open past the deadline: %2. Settled on time: %3. Justified (incl. partly): %4.</source>
        <translation>Wpłynęło: %1. Niezałatwione po terminie: %2. Załatwione w terminie: %3. Zasadne (w tym częściowo): %4.</translation>
    </message>
    <message>
        <source>%1 overdue, %2 due within 7 days.</source>
        <translation>Po terminie: %1, z terminem w ciągu 7 dni: %2.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Zapisano.</translation>
    </message>
    <message>
        <source>Import a complaint register</source>
        <translation>Import rejestru skarg</translation>
    </message>
    <message>
        <source>Registers (*.csv *.txt *.xlsx)</source>
        <translation>Rejestry (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <source>Importing the complaint register…</source>
        <translation>Importowanie rejestru skarg…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import przerwano; niczego nie zaimportowano.</translation>
    </message>
    <message>
        <source>%1: %2 row(s) read, %3 added, %4 already in the register.</source>
        <translation>%1: odczytane wiersze: %2, dodane: %3, już w rejestrze: %4.</translation>
    </message>
    <message>
        <source>%1 linked to units, %2 with a date of settlement from the file.</source>
        <translation>Powiązane z komórkami: %1, z datą załatwienia z pliku: %2.</translation>
    </message>
</context>
<context>
    <name>ResearchPage</name>
    <message>
        <source>&amp;New note</source>
        <translation>&amp;Nowa notatka</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Działanie</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Odpowiedzialny</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Wykonano dnia</translation>
    </message>
    <message>
        <source>&amp;Add action</source>
        <translation>&amp;Dodaj działanie</translation>
    </message>
    <message>
        <source>Mark &amp;done today</source>
        <translation>Oznacz jako &amp;wykonane dziś</translation>
    </message>
    <message>
        <source>&amp;Remove action</source>
        <translation>&amp;Usuń działanie</translation>
    </message>
    <message>
        <source>&amp;Save note</source>
        <translation>&amp;Zapisz notatkę</translation>
    </message>
    <message>
        <source>&amp;Delete note</source>
        <translation>Usuń &amp;notatkę</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metoda</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Data badania</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Temat</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Liczba uczestników</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Komórki</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Wnioski z badania</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Rekomendacje</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>Działania następcze</translation>
    </message>
    <message>
        <source>Research notes</source>
        <translation>Notatki z badań</translation>
    </message>
    <message>
        <source>Action %1: %2 is not a date (dd.mm.yyyy).</source>
        <translation>Działanie %1: %2 nie jest datą (dd.mm.rrrr).</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Zapisano.</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Usuń notatkę</translation>
    </message>
    <message>
        <source>Delete this research note and its actions?</source>
        <translation>Usunąć tę notatkę z badania wraz z działaniami?</translation>
    </message>
    <message>
        <source>Note deleted.</source>
        <translation>Notatkę usunięto.</translation>
    </message>
</context>
</TS>
