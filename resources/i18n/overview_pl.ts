<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>Actions</name>
    <message>
        <source>Satisfaction surveys</source>
        <translation>Badania satysfakcji</translation>
    </message>
    <message>
        <source>Complaints and grievances</source>
        <translation>Skargi i zażalenia</translation>
    </message>
    <message>
        <source>Mystery client</source>
        <translation>Tajemniczy klient</translation>
    </message>
    <message>
        <source>Appraisals</source>
        <translation>Oceny okresowe</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Badania dodatkowe</translation>
    </message>
    <message>
        <source>Timeliness of cases</source>
        <translation>Terminowość spraw</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Otwarte</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>W toku</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wykonane</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Zaniechane</translation>
    </message>
    <message>
        <source>Cases on time</source>
        <translation>Sprawy załatwione w terminie</translation>
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
        <source>Satisfaction index (0–100)</source>
        <translation>Indeks satysfakcji (0–100)</translation>
    </message>
    <message>
        <source>Positive survey answers</source>
        <translation>Pozytywne odpowiedzi w ankietach</translation>
    </message>
    <message>
        <source>Research: recommended actions done</source>
        <translation>Badania: wykonane działania z rekomendacji</translation>
    </message>
    <message>
        <source>{field}: &apos;{text}&apos; is not a number; type it like 85,5 or leave it empty</source>
        <translation>{field}: „{text}” nie jest liczbą; wpisz ją np. jako 85,5 albo zostaw pole puste</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Co</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metoda</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
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
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Effect (before → after)</source>
        <translation>Efekt (przed → po)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Źródło</translation>
    </message>
    <message>
        <source>Whole office</source>
        <translation>Cały urząd</translation>
    </message>
    <message>
        <source>{status}, overdue</source>
        <translation>{status}, po terminie</translation>
    </message>
    <message>
        <source>New improvement action</source>
        <translation>Nowe działanie doskonalące</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Działanie</translation>
    </message>
    <message>
        <source>e.g. audit #12, complaint #3</source>
        <translation>np. audyt nr 12, skarga nr 3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(brak)</translation>
    </message>
    <message>
        <source>&amp;What is to be done</source>
        <translation>&amp;Co należy zrobić</translation>
    </message>
    <message>
        <source>W&amp;hy (the finding)</source>
        <translation>&amp;Dlaczego (ustalenie)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Metoda</translation>
    </message>
    <message>
        <source>&amp;Source record</source>
        <translation>Ź&amp;ródło (zapis)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Komórka</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Odpowiedzialny</translation>
    </message>
    <message>
        <source>&amp;Due on</source>
        <translation>&amp;Termin</translation>
    </message>
    <message>
        <source>&amp;Indicator</source>
        <translation>&amp;Wskaźnik</translation>
    </message>
    <message>
        <source>Indicator &amp;before (%)</source>
        <translation>Wskaźnik &amp;przed (%)</translation>
    </message>
    <message>
        <source>Indicator before (%)</source>
        <translation>Wskaźnik przed (%)</translation>
    </message>
    <message>
        <source>Close the action</source>
        <translation>Zamknij działanie</translation>
    </message>
    <message>
        <source>What was done, or why it was dropped</source>
        <translation>Co zrobiono albo dlaczego zaniechano</translation>
    </message>
    <message>
        <source>{indicator}, before: {before}</source>
        <translation>{indicator}, przed: {before}</translation>
    </message>
    <message>
        <source>Dro&amp;pped, not done</source>
        <translation>&amp;Zaniechane, niewykonane</translation>
    </message>
    <message>
        <source>Closing &amp;note</source>
        <translation>&amp;Uwagi zamknięcia</translation>
    </message>
    <message>
        <source>Indicator &amp;after (%)</source>
        <translation>Wskaźnik &amp;po (%)</translation>
    </message>
    <message>
        <source>Indicator after (%)</source>
        <translation>Wskaźnik po (%)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Wszystkie</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Wszystkie komórki</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>Wszystkie metody</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>Tylko po &amp;terminie</translation>
    </message>
    <message>
        <source>Improvement actions</source>
        <translation>Działania doskonalące</translation>
    </message>
    <message>
        <source>A&amp;dd… (Ctrl+N)</source>
        <translation>Dod&amp;aj… (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Back to open</source>
        <translation>Z powrotem &amp;otwarte</translation>
    </message>
    <message>
        <source>C&amp;lose…</source>
        <translation>Za&amp;mknij…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Zmień…</translation>
    </message>
    <message>
        <source>In &amp;progress</source>
        <translation>W to&amp;ku</translation>
    </message>
    <message>
        <source>Move the selected action to &apos;in progress&apos;</source>
        <translation>Przenieś wybrane działanie do stanu „w toku”</translation>
    </message>
    <message>
        <source>Move the selected action back to &apos;open&apos;</source>
        <translation>Przenieś wybrane działanie z powrotem do stanu „otwarte”</translation>
    </message>
    <message>
        <source>Close the selected action with a closing note and the indicator after</source>
        <translation>Zamknij wybrane działanie z uwagami zamknięcia i wskaźnikiem po</translation>
    </message>
    <message>
        <source>Actions: {count}, overdue: {late}</source>
        <translation>Działania: {count}, po terminie: {late}</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Trend per unit, month by month</source>
        <translation>Trend w komórkach, miesiąc po miesiącu</translation>
    </message>
    <message>
        <source>Mystery client: points per area</source>
        <translation>Tajemniczy klient: punkty w obszarach</translation>
    </message>
    <message>
        <source>Cases settled on time, month by month</source>
        <translation>Sprawy załatwione w terminie, miesiąc po miesiącu</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Zachowanie</translation>
    </message>
    <message>
        <source>Manner of service</source>
        <translation>Sposób obsługi</translation>
    </message>
    <message>
        <source>Case handling</source>
        <translation>Załatwienie sprawy</translation>
    </message>
    <message>
        <source>Final outcome</source>
        <translation>Rezultat</translation>
    </message>
    <message>
        <source>Complaints and grievances</source>
        <translation>Skargi i zażalenia</translation>
    </message>
    <message>
        <source>Research: studies held</source>
        <translation>Badania: przeprowadzone badania</translation>
    </message>
    <message>
        <source>Whole office</source>
        <translation>Cały urząd</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Wykres</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Wskaźnik</translation>
    </message>
    <message>
        <source>Show as &amp;table (Ctrl+T)</source>
        <translation>Pokaż jako &amp;tabelę (Ctrl+T)</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Wykres:</translation>
    </message>
    <message>
        <source>{chart}: the numbers</source>
        <translation>{chart}: liczby</translation>
    </message>
    <message>
        <source>{indicator}, {first} – {last}</source>
        <translation>{indicator}, {first} – {last}</translation>
    </message>
    <message>
        <source>count</source>
        <translation>liczba</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Mystery client: points per area, {period}</source>
        <translation>Tajemniczy klient: punkty w obszarach, {period}</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>Audyty</translation>
    </message>
</context>
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
        <source>Satisfaction index (0–100)</source>
        <translation>Indeks satysfakcji (0–100)</translation>
    </message>
    <message>
        <source>Positive survey answers</source>
        <translation>Pozytywne odpowiedzi w ankietach</translation>
    </message>
    <message>
        <source>Research: studies held</source>
        <translation>Badania: przeprowadzone badania</translation>
    </message>
    <message>
        <source>Research: recommended actions done</source>
        <translation>Badania: wykonane działania z rekomendacji</translation>
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
        <source>no visits planned</source>
        <translation>brak zaplanowanych wizyt</translation>
    </message>
    <message>
        <source>{done} of {due} ({share})</source>
        <translation>{done} z {due} ({share})</translation>
    </message>
    <message>
        <source>Planned visits done</source>
        <translation>Zaplanowane wizyty wykonane</translation>
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
        <source>Improvement actions overdue</source>
        <translation>Działania doskonalące po terminie</translation>
    </message>
    <message>
        <source>Whole office</source>
        <translation>Cały urząd</translation>
    </message>
    <message>
        <source>Visits of the plan dated in the period: done of those due (a missed or cancelled visit counts through its replacement)</source>
        <translation>Wizyty z planu przypadające w okresie: wykonane spośród należnych (wizyta nieodbyta lub odwołana liczy się przez tę, która ją zastąpiła)</translation>
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
        <source>&amp;Targets…</source>
        <translation>&amp;Cele…</translation>
    </message>
    <message>
        <source>Targets per indicator and unit (HR)</source>
        <translation>Cele dla wskaźników i komórek (kadry)</translation>
    </message>
    <message>
        <source>Standards per unit: targets met or not</source>
        <translation>Standardy w komórkach: cele osiągnięte lub nie</translation>
    </message>
    <message>
        <source>&amp;Figures</source>
        <translation>&amp;Wskaźniki</translation>
    </message>
    <message>
        <source>Improvement &amp;actions</source>
        <translation>&amp;Działania doskonalące</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>W&amp;ykresy</translation>
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
<context>
    <name>Targets</name>
    <message>
        <source>Indicator</source>
        <translation>Wskaźnik</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Target (%)</source>
        <translation>Cel (%)</translation>
    </message>
    <message>
        <source>Whole office (every unit)</source>
        <translation>Cały urząd (każda komórka)</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Cele</translation>
    </message>
    <message>
        <source>at least ≥</source>
        <translation>co najmniej ≥</translation>
    </message>
    <message>
        <source>at most ≤</source>
        <translation>najwyżej ≤</translation>
    </message>
    <message>
        <source>At least or at most</source>
        <translation>Co najmniej czy najwyżej</translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation>&amp;Ustaw</translation>
    </message>
    <message>
        <source>Set this target, replacing the indicator&apos;s target for the unit</source>
        <translation>Ustaw ten cel w miejsce dotychczasowego celu wskaźnika dla komórki</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>U&amp;suń wybrany</translation>
    </message>
    <message>
        <source>A unit&apos;s own target takes the place of the office-wide one for that unit.</source>
        <translation>Cel własny komórki zastępuje dla niej cel całego urzędu.</translation>
    </message>
</context>
</TS>
