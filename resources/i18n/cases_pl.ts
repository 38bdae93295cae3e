<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>CaseFields</name>
    <message>
        <source>Case sign</source>
        <translation>Znak sprawy</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka organizacyjna</translation>
    </message>
    <message>
        <source>JRWA class</source>
        <translation>Symbol JRWA</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tytuł sprawy</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Data wszczęcia</translation>
    </message>
    <message>
        <source>Settlement date</source>
        <translation>Data zakończenia</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategoria (termin)</translation>
    </message>
    <message>
        <source>Due date (EZD)</source>
        <translation>Termin załatwienia (z EZD)</translation>
    </message>
    <message>
        <source>Days not counted</source>
        <translation>Dni niewliczane do terminu</translation>
    </message>
    <message>
        <source>Suspended (yes/no)</source>
        <translation>Zawieszona (tak/nie)</translation>
    </message>
    <message>
        <source>Suspended from</source>
        <translation>Zawieszona od</translation>
    </message>
    <message>
        <source>Suspended until</source>
        <translation>Zawieszona do</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Prowadzący sprawę</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Uwagi</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <source>&amp;Import register…</source>
        <translation>&amp;Importuj spis spraw…</translation>
    </message>
    <message>
        <source>A CSV or XLSX export of the EZD case register (Ctrl+I)</source>
        <translation>Eksport spisu spraw z EZD w formacie CSV lub XLSX (Ctrl+I)</translation>
    </message>
    <message>
        <source>Unit and month</source>
        <translation>Komórka i miesiąc</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Miesiąc</translation>
    </message>
    <message>
        <source>JRWA class</source>
        <translation>Symbol JRWA</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <source>Read the figures again (F5)</source>
        <translation>Wczytaj dane ponownie (F5)</translation>
    </message>
    <message>
        <source>Settled from</source>
        <translation>Załatwione od</translation>
    </message>
    <message>
        <source>to</source>
        <translation>do</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Grupuj według</translation>
    </message>
    <message>
        <source>Settled to</source>
        <translation>Załatwione do</translation>
    </message>
    <message>
        <source>Cases settled on time (dates of settlement)</source>
        <translation>Sprawy załatwione w terminie (według daty załatwienia)</translation>
    </message>
    <message>
        <source>Overdue cases</source>
        <translation>Sprawy po terminie</translation>
    </message>
    <message>
        <source>A case to be settled without delay counts as on time when settled by the first working day after it started (KPA art. 35 §2, art. 57). Due dates: 1 or 2 months (art. 35 §3), appeals 1 month (art. 35 §4), complaints 1 month (art. 237), extended by periods not counted (art. 35 §5); a due date from EZD prevails. Hover over an overdue case to see how its due date was reached.</source>
        <translation>Sprawę do załatwienia bez zwłoki uznaje się za załatwioną w terminie, jeśli załatwiono ją najpóźniej w pierwszym dniu roboczym po wszczęciu (art. 35 § 2 i art. 57 k.p.a.). Terminy: 1 lub 2 miesiące (art. 35 § 3), odwołania 1 miesiąc (art. 35 § 4), skargi i wnioski 1 miesiąc (art. 237), przedłużone o okresy niewliczane (art. 35 § 5); termin podany w EZD ma pierwszeństwo. Wskaż sprawę po terminie, aby zobaczyć, jak wyliczono jej termin.</translation>
    </message>
    <message>
        <source>Reading the case register</source>
        <translation>Odczytywanie rejestru spraw</translation>
    </message>
    <message>
        <source>the timeliness of cases</source>
        <translation>terminowości spraw</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Wszystkie komórki</translation>
    </message>
    <message>
        <source>Open cases past their due date: %1</source>
        <translation>Sprawy niezałatwione po terminie: %1</translation>
    </message>
    <message>
        <source>import the EZD case register (Ctrl+I).</source>
        <translation>zaimportuj spis spraw z EZD (Ctrl+I).</translation>
    </message>
    <message>
        <source>HR imports the EZD case register.</source>
        <translation>spis spraw z EZD importują kadry.</translation>
    </message>
    <message>
        <source>%1 cases in the register: %2 settled (%3% on time), %4 open, %5 overdue.</source>
        <translation>Spraw w spisie: %1; załatwione: %2 (%3% w terminie), w toku: %4, po terminie: %5.</translation>
    </message>
    <message>
        <source>Import the EZD case register</source>
        <translation>Import spisu spraw z EZD</translation>
    </message>
    <message>
        <source>Register exports (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Eksporty spisu spraw (*.csv *.txt *.xlsx);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Trwa import pliku %1…</translation>
    </message>
    <message>
        <source>Importing the case register</source>
        <translation>Import spisu spraw</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import przerwano; niczego nie zaimportowano.</translation>
    </message>
    <message>
        <source>%1 was imported before; nothing changed.</source>
        <translation>Plik %1 został już wcześniej zaimportowany; nic się nie zmieniło.</translation>
    </message>
    <message>
        <source>%1: %2 cases read: %3 new, %4 updated, %5 unchanged.</source>
        <translation>%1: wczytano spraw: %2; nowe: %3, zaktualizowane: %4, bez zmian: %5.</translation>
    </message>
    <message>
        <source>%1 linked to units, %2 with a date of settlement from the file.</source>
        <translation>Powiązane z komórkami: %1, z datą załatwienia z pliku: %2.</translation>
    </message>
    <message>
        <source>Units not in the organisation (kept by their code): %1</source>
        <translation>Komórki spoza struktury urzędu (zapisane pod swoim symbolem): %1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 value(s) could not be read.</source>
        <translation>Niczego nie zaimportowano: nie udało się odczytać wartości: %1.</translation>
    </message>
    <message>
        <source>%1: %2 value(s) could not be read, so nothing was imported. Correct them in the file (or in EZD) and import it again.</source>
        <translation>%1: nie udało się odczytać wartości: %2, dlatego niczego nie zaimportowano. Popraw je w pliku (lub w EZD) i zaimportuj plik ponownie.</translation>
    </message>
    <message>
        <source>Case timeliness</source>
        <translation>Terminowość spraw</translation>
    </message>
</context>
<context>
    <name>OverdueModel</name>
    <message>
        <source>Case sign</source>
        <translation>Znak sprawy</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Wszczęta</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Dni po terminie</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Prowadzący</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
</context>
<context>
    <name>TimelinessModel</name>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Miesiąc</translation>
    </message>
    <message>
        <source>JRWA class</source>
        <translation>Symbol JRWA</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Załatwione</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>W terminie</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Po terminie</translation>
    </message>
    <message>
        <source>% on time</source>
        <translation>% w terminie</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>Przedział 95%</translation>
    </message>
    <message>
        <source>Avg. days to settle</source>
        <translation>Śr. dni do załatwienia</translation>
    </message>
    <message>
        <source>Avg. days late</source>
        <translation>Śr. dni opóźnienia</translation>
    </message>
    <message>
        <source>Below %1 % on time</source>
        <translation>Poniżej %1 % w terminie</translation>
    </message>
</context>
</TS>
