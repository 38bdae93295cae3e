<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>Overview</name>
    <message>
        <source>Cases on time</source>
        <translation>Sprawy załatwione w terminie</translation>
    </message>
    <message>
        <source>Complaints and grievances</source>
        <translation>Skargi i zażalenia</translation>
    </message>
    <message>
        <source>Complaints settled on time</source>
        <translation>Skargi załatwione w terminie</translation>
    </message>
    <message>
        <source>Complaints justified</source>
        <translation>Skargi zasadne</translation>
    </message>
    <message>
        <source>Mystery client: audits passed</source>
        <translation>Tajemniczy klient: audyty zaliczone</translation>
    </message>
    <message>
        <source>Mystery client: mean score</source>
        <translation>Tajemniczy klient: średni wynik</translation>
    </message>
    <message>
        <source>Staff with a current appraisal</source>
        <translation>Pracownicy z aktualną oceną</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>brak danych</translation>
    </message>
    <message>
        <source>met</source>
        <translation>osiągnięty</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>nieosiągnięty</translation>
    </message>
    <message>
        <source>target</source>
        <translation>cel</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Overdue cases now</source>
        <translation>Sprawy po terminie (teraz)</translation>
    </message>
    <message>
        <source>Cases with no deadline known</source>
        <translation>Sprawy bez znanego terminu</translation>
    </message>
    <message>
        <source>Whole office</source>
        <translation>Cały urząd</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Miesiąc</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Kwartał</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>Półrocze</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Rok</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Daty</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dzień</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Pokaż</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Okres:</translation>
    </message>
    <message>
        <source>Anonymised edition</source>
        <translation>Wydanie zanonimizowane</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Raport…</translation>
    </message>
    <message>
        <source>The monitoring report of this period as a PDF or an XLSX workbook</source>
        <translation>Raport z monitorowania za ten okres jako PDF lub skoroszyt XLSX</translation>
    </message>
    <message>
        <source>Standards per unit: targets met or not</source>
        <translation>Standardy w komórkach: cele osiągnięte lub nie</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metoda</translation>
    </message>
    <message>
        <source>Conclusions and recommendations for the report</source>
        <translation>Wnioski i rekomendacje do raportu</translation>
    </message>
    <message>
        <source>Save conclusions</source>
        <translation>Zapisz wnioski</translation>
    </message>
    <message>
        <source>The overview is for supervisors, HR and management.</source>
        <translation>Przegląd jest przeznaczony dla przełożonych, kadr i kierownictwa.</translation>
    </message>
    <message>
        <source>Period {period}, compared with {previous}.</source>
        <translation>Okres {period} w porównaniu z okresem {previous}.</translation>
    </message>
    <message>
        <source>Percentages with their sample size n and 95 % interval. ▲/▼: a change from the previous period that stays significant after the Holm correction for all {count} comparisons. ● target met, ○ target missed. Enter or double-click opens the records.</source>
        <translation>Odsetki z liczebnością próby n i 95-procentowym przedziałem ufności. ▲/▼: zmiana względem poprzedniego okresu istotna po poprawce Holma na wszystkie porównania ({count}). ● cel osiągnięty, ○ cel nieosiągnięty. Enter lub dwuklik otwiera rekordy.</translation>
    </message>
    <message>
        <source>Save the monitoring report</source>
        <translation>Zapisz raport z monitorowania</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF (*.pdf);;Skoroszyt Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Odczytywanie danych…</translation>
    </message>
    <message>
        <source>The report is saved: {path}</source>
        <translation>Raport zapisano: {path}</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Raport</translation>
    </message>
    <message>
        <source>Monitoring report</source>
        <translation>Raport z monitorowania</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Overview</source>
        <translation>Przegląd</translation>
    </message>
</context>
</TS>
