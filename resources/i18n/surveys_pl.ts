<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>MappingDialog</name>
    <message>
        <source>Questionnaire no.</source>
        <translation>Nr ankiety</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>Kod komórki</translation>
    </message>
</context>
<context>
    <name>NewCampaignDialog</name>
    <message>
        <source>New survey campaign</source>
        <translation>Nowe badanie ankietowe</translation>
    </message>
    <message>
        <source>The whole office</source>
        <translation>Cały urząd</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formularz</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
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
        <source>Notes</source>
        <translation>Uwagi</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>Type the answer, Enter moves on</source>
        <translation>Wpisz odpowiedź; Enter przechodzi dalej</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Compare with</source>
        <translation>Porównaj z okresem</translation>
    </message>
    <message>
        <source>Show (F5)</source>
        <translation>Pokaż (F5)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Reading the results</source>
        <translation>Odczytywanie wyników</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Okres od</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Okres do</translation>
    </message>
    <message>
        <source>Compared period from</source>
        <translation>Okres porównawczy od</translation>
    </message>
    <message>
        <source>Compared period to</source>
        <translation>Okres porównawczy do</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Okres</translation>
    </message>
    <message>
        <source>Results per question</source>
        <translation>Wyniki według pytań</translation>
    </message>
    <message>
        <source>Positive: 4–5 on a 1–5 scale, tak or raczej tak on the four-point scale. Index: the mean mapped to 0–100. * marks a difference the two-proportion test finds significant (95%).</source>
        <translation>Odpowiedzi pozytywne: 4–5 w skali 1–5, „tak” lub „raczej tak” w skali czterostopniowej. Indeks: średnia przeliczona na skalę 0–100. * oznacza różnicę istotną statystycznie według testu dwóch proporcji (95%).</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Wszystkie komórki</translation>
    </message>
    <message>
        <source>Responses: %1. Satisfaction index: %2.</source>
        <translation>Liczba ankiet: %1. Indeks satysfakcji: %2.</translation>
    </message>
    <message>
        <source>Compared period: %1 responses, index %2.</source>
        <translation>Okres porównawczy: ankiet %1, indeks %2.</translation>
    </message>
</context>
<context>
    <name>SurveyEntry</name>
    <message>
        <source>optional, printed on the questionnaire</source>
        <translation>opcjonalnie, numer wydrukowany na ankiecie</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(nie podano)</translation>
    </message>
    <message>
        <source>Questionnaire no.</source>
        <translation>Nr ankiety</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Save questionnaire (Ctrl+S)</source>
        <translation>Zapisz ankietę (Ctrl+S)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wyczyść</translation>
    </message>
    <message>
        <source>Digits answer and move on, 0 or Space skips, Backspace clears, Up/Down move, Ctrl+S saves.</source>
        <translation>Cyfra zaznacza odpowiedź i przechodzi dalej, 0 lub spacja pomija pytanie, Backspace czyści, strzałki w górę i w dół przechodzą między pytaniami, Ctrl+S zapisuje.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Odpowiedzi</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Wprowadził(a)</translation>
    </message>
    <message>
        <source>Questionnaires entered last</source>
        <translation>Ostatnio wprowadzone ankiety</translation>
    </message>
    <message>
        <source>Last questionnaires (Enter corrects, Delete removes)</source>
        <translation>Ostatnio wprowadzone ankiety (Enter – poprawa, Delete – usunięcie)</translation>
    </message>
    <message>
        <source>Questionnaire saved; answers given: %1.</source>
        <translation>Ankieta zapisana; udzielonych odpowiedzi: %1.</translation>
    </message>
    <message>
        <source>Correction saved.</source>
        <translation>Poprawka zapisana.</translation>
    </message>
    <message>
        <source>Correcting questionnaire no. %1.</source>
        <translation>Poprawa ankiety nr %1.</translation>
    </message>
    <message>
        <source>Delete questionnaire</source>
        <translation>Usuń ankietę</translation>
    </message>
    <message>
        <source>Delete questionnaire no. %1? The audit trail keeps its answers.</source>
        <translation>Usunąć ankietę nr %1? Jej odpowiedzi pozostaną w dzienniku zdarzeń.</translation>
    </message>
    <message>
        <source>Questionnaire deleted.</source>
        <translation>Ankieta usunięta.</translation>
    </message>
    <message>
        <source>The questionnaire being typed when the window closed is back; save or clear it.</source>
        <translation>Przywrócono ankietę wprowadzaną w chwili zamknięcia okna; proszę ją zapisać lub wyczyścić.</translation>
    </message>
</context>
<context>
    <name>SurveysTab</name>
    <message>
        <source>Block</source>
        <translation>Blok</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pytanie</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Średnia</translation>
    </message>
    <message>
        <source>Positive %</source>
        <translation>Pozytywne %</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>Przedział 95%</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Indeks</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Odpowiedzi</translation>
    </message>
    <message>
        <source>Positive % (compared)</source>
        <translation>Pozytywne % (porównanie)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Różnica</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>whole office</source>
        <translation>cały urząd</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Okres</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Ankiety</translation>
    </message>
    <message>
        <source>Survey campaigns</source>
        <translation>Badania ankietowe</translation>
    </message>
    <message>
        <source>New campaign… (Ctrl+N)</source>
        <translation>Nowe badanie… (Ctrl+N)</translation>
    </message>
    <message>
        <source>Import responses… (Ctrl+I)</source>
        <translation>Importuj ankiety… (Ctrl+I)</translation>
    </message>
    <message>
        <source>Type in questionnaires (Ctrl+E)</source>
        <translation>Wprowadzaj ankiety (Ctrl+E)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Wyniki</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Wprowadzanie</translation>
    </message>
    <message>
        <source>the satisfaction surveys</source>
        <translation>badań satysfakcji</translation>
    </message>
    <message>
        <source>create a survey campaign with New campaign (Ctrl+N), then import the responses (Ctrl+I) or type in the questionnaires (Ctrl+E).</source>
        <translation>utwórz badanie przyciskiem Nowe badanie (Ctrl+N), a potem zaimportuj ankiety (Ctrl+I) lub wprowadź je z formularzy (Ctrl+E).</translation>
    </message>
    <message>
        <source>HR creates the survey campaigns and adds their responses.</source>
        <translation>badania satysfakcji tworzą i uzupełniają ankietami kadry.</translation>
    </message>
    <message>
        <source>Import survey responses</source>
        <translation>Import ankiet</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>Arkusze (*.csv *.xlsx);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Importing survey responses…</source>
        <translation>Importowanie ankiet…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import przerwany; nic nie zostało zaimportowane.</translation>
    </message>
    <message>
        <source>%1: %2 questionnaire(s) imported, %3 imported before.</source>
        <translation>%1: zaimportowano ankiet: %2, zaimportowanych wcześniej: %3.</translation>
    </message>
    <message>
        <source>%1 row(s) read: %2 linked to units, %3 dated from the file.</source>
        <translation>Odczytane wiersze: %1, powiązane z komórkami: %2, z datą z pliku: %3.</translation>
    </message>
    <message>
        <source>Satisfaction surveys</source>
        <translation>Badania satysfakcji</translation>
    </message>
</context>
</TS>
