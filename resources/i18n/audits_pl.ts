<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>ActionPlanDialog</name>
    <message>
        <source>Action plan</source>
        <translation>Plan działań naprawczych</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Co</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>By (YYYY-MM-DD)</source>
        <translation>Termin (RRRR-MM-DD)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Dodaj działanie</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Hand over to the manager</source>
        <translation>Przekaż kierownikowi</translation>
    </message>
    <message>
        <source>Manager&apos;s note (required when returning)</source>
        <translation>Uwagi kierownika (wymagane przy zwrocie)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Zatwierdź</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Zwróć do poprawy</translation>
    </message>
    <message>
        <source>This audit has no action plan.</source>
        <translation>Do tego audytu nie otwarto planu działań.</translation>
    </message>
    <message>
        <source>Plan for %1: %2</source>
        <translation>Plan do audytu %1: %2</translation>
    </message>
    <message>
        <source>Row %1: the date must be YYYY-MM-DD.</source>
        <translation>Wiersz %1: datę należy wpisać jako RRRR-MM-DD.</translation>
    </message>
</context>
<context>
    <name>AuditEditor</name>
    <message>
        <source>Total score of the audit</source>
        <translation>Łączny wynik audytu</translation>
    </message>
    <message>
        <source>Sections and their scores</source>
        <translation>Części i ich wyniki</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>Pliki dowodów</translation>
    </message>
    <message>
        <source>Attach to item (Ctrl+E)</source>
        <translation>Dołącz do pytania (Ctrl+E)</translation>
    </message>
    <message>
        <source>Attach to audit (Ctrl+Shift+E)</source>
        <translation>Dołącz do audytu (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Preview (Space)</source>
        <translation>Podgląd (spacja)</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Usuń plik</translation>
    </message>
    <message>
        <source>Complete (Ctrl+Return)</source>
        <translation>Zakończ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Dispute (Ctrl+D)</source>
        <translation>Zastrzeżenie (Ctrl+D)</translation>
    </message>
    <message>
        <source>Action plan (Ctrl+Shift+A)</source>
        <translation>Plan działań (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Header (Ctrl+H)</source>
        <translation>Nagłówek (Ctrl+H)</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>Powrót do listy (Esc)</translation>
    </message>
    <message>
        <source>not identified</source>
        <translation>pracownik nieustalony</translation>
    </message>
    <message>
        <source>auditor</source>
        <translation>audytor</translation>
    </message>
    <message>
        <source>re-audit</source>
        <translation>audyt powtórny</translation>
    </message>
    <message>
        <source>amendment</source>
        <translation>korekta</translation>
    </message>
    <message>
        <source>Critical failure: say in the comment what happened (Enter goes on).</source>
        <translation>Błąd krytyczny: opisz w komentarzu, co się stało (Enter przechodzi dalej).</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Zapisano.</translation>
    </message>
    <message>
        <source>%1: score %2</source>
        <translation>%1: wynik %2</translation>
    </message>
    <message>
        <source>zeroed by a critical failure</source>
        <translation>wyzerowany przez błąd krytyczny</translation>
    </message>
    <message>
        <source>Critical failure: %s</source>
        <translation>Błąd krytyczny: %s</translation>
    </message>
    <message>
        <source>whole audit</source>
        <translation>cały audyt</translation>
    </message>
    <message>
        <source>Attached %s.</source>
        <translation>Dołączono plik %s.</translation>
    </message>
    <message>
        <source>Header saved.</source>
        <translation>Nagłówek zapisano.</translation>
    </message>
    <message>
        <source>Complete the audit</source>
        <translation>Zakończenie audytu</translation>
    </message>
    <message>
        <source>Complete audit %1 now?

Completing locks it: answers, comments and evidence can no longer be changed. A later correction goes through a dispute or an amendment.</source>
        <translation>Zakończyć teraz audyt %1?

Zakończenie blokuje audyt: odpowiedzi, komentarzy i dowodów nie będzie można już zmienić. Późniejsza poprawka jest możliwa tylko przez zastrzeżenie lub korektę.</translation>
    </message>
    <message>
        <source>Complete and lock</source>
        <translation>Zakończ i zablokuj</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Jeszcze nie</translation>
    </message>
    <message>
        <source>Cannot complete – required items without an answer (%1): </source>
        <translation>Nie można zakończyć – wymagane pytania bez odpowiedzi (%1): </translation>
    </message>
    <message>
        <source>Completed: %1 – %2. The audit is now locked.</source>
        <translation>Zakończono: %1 – %2. Audyt jest zablokowany do edycji.</translation>
    </message>
    <message>
        <source>The result calls for an action plan: the audited unit&apos;s manager and HR prepare it (Ctrl+Shift+A shows it).</source>
        <translation>Wynik wymaga planu działań naprawczych: przygotowują go kierownik audytowanej komórki i dział kadr (Ctrl+Shift+A pokazuje plan).</translation>
    </message>
</context>
<context>
    <name>AuditListModel</name>
    <message>
        <source>Record</source>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanał</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Obserwowany</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Audytor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ocena</translation>
    </message>
    <message>
        <source>Critical failure</source>
        <translation>Błąd krytyczny</translation>
    </message>
    <message>
        <source>Replaced by an amendment or re-audit</source>
        <translation>Zastąpiony korektą lub audytem powtórnym</translation>
    </message>
</context>
<context>
    <name>AuditsPanel</name>
    <message>
        <source>Audits</source>
        <translation>Audyty</translation>
    </message>
    <message>
        <source>Search audits</source>
        <translation>Szukaj audytów</translation>
    </message>
    <message>
        <source>Search: record, unit, employee, scenario (Ctrl+F)</source>
        <translation>Szukaj: numer, komórka, pracownik, scenariusz (Ctrl+F)</translation>
    </message>
    <message>
        <source>New audit (Ctrl+N)</source>
        <translation>Nowy audyt (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>Otwórz (Enter)</translation>
    </message>
    <message>
        <source>Results per standard (Ctrl+R)</source>
        <translation>Wyniki według standardów (Ctrl+R)</translation>
    </message>
    <message>
        <source>Export… (Ctrl+Shift+S)</source>
        <translation>Eksport… (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Okres</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanał</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Audytor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ocena</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Wszystkie komórki</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Cały okres</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Bieżący miesiąc</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Ostatnie 3 miesiące</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Bieżący rok</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Poprzedni rok</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Wszystkie</translation>
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
        <source>reading more…</source>
        <translation>wczytywanie kolejnych…</translation>
    </message>
    <message>
        <source>Audits: %1</source>
        <translation>Liczba audytów: %1</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>Dołącz dowód</translation>
    </message>
    <message>
        <source>Export audits</source>
        <translation>Eksport audytów</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv);;JSON with evidence (*.json)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;JSON z dowodami (*.json)</translation>
    </message>
    <message>
        <source>Exported %1 audit(s) to %2</source>
        <translation>Wyeksportowano audyty (%1) do pliku %2</translation>
    </message>
    <message>
        <source>Exporting audits…</source>
        <translation>Eksport audytów…</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <source>Dispute</source>
        <translation>Zastrzeżenie do wyniku audytu</translation>
    </message>
    <message>
        <source>Record the dispute</source>
        <translation>Zarejestruj zastrzeżenie</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Nieuwzględnione</translation>
    </message>
    <message>
        <source>Upheld – re-audit</source>
        <translation>Uwzględnione – audyt powtórny</translation>
    </message>
    <message>
        <source>Upheld – amendment of the answers</source>
        <translation>Uwzględnione – korekta odpowiedzi</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Rozstrzygnij</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Zgłaszający</translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation>Data zgłoszenia</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Uzasadnienie zastrzeżenia</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Uzasadnienie rozstrzygnięcia</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Rozstrzygnięcie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>No disputes yet.</source>
        <translation>Nie zgłoszono zastrzeżeń.</translation>
    </message>
</context>
<context>
    <name>EvidencePreview</name>
    <message>
        <source>Open in the system viewer</source>
        <translation>Otwórz w programie systemowym</translation>
    </message>
    <message>
        <source>This kind of file (audio, PDF, …) opens in the program your system uses for it.</source>
        <translation>Ten rodzaj pliku (nagranie, PDF, …) otworzy się w programie przypisanym w systemie.</translation>
    </message>
</context>
<context>
    <name>HeaderDialog</name>
    <message>
        <source>Audit header – %1</source>
        <translation>Nagłówek audytu – %1</translation>
    </message>
    <message>
        <source>badge or desk number, if the name is unknown</source>
        <translation>numer identyfikatora lub stanowiska, gdy nazwisko jest nieznane</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>Komórka &amp;organizacyjna</translation>
    </message>
    <message>
        <source>Observed &amp;employee</source>
        <translation>Obserwowany &amp;pracownik</translation>
    </message>
    <message>
        <source>Badge / &amp;desk</source>
        <translation>Identyfikator / &amp;stanowisko</translation>
    </message>
    <message>
        <source>Date and &amp;time</source>
        <translation>&amp;Data i godzina</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>The form and the channel cannot change once answers are given.</source>
        <translation>Formularza i kanału nie można zmienić, gdy udzielono już odpowiedzi.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenario&lt;/b&gt;</source>
        <translation>&lt;b&gt;Scenariusz&lt;/b&gt;</translation>
    </message>
    <message>
        <source>— not identified —</source>
        <translation>— nieustalony —</translation>
    </message>
    <message>
        <source>Choose a unit.</source>
        <translation>Wybierz komórkę organizacyjną.</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Current question</source>
        <translation>Bieżące pytanie</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>krytyczne</translation>
    </message>
    <message>
        <source>weight ×%s</source>
        <translation>waga ×%s</translation>
    </message>
    <message>
        <source>integrity, not scored</source>
        <translation>rzetelność badania, bez punktów</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>nieobowiązkowe</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Klawisz %1</translation>
    </message>
    <message>
        <source>number %s</source>
        <translation>liczba %s</translation>
    </message>
    <message>
        <source>A number from %s</source>
        <translation>Liczba z zakresu %s</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>RRRR-MM-DD GG:MM</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>N N/A</source>
        <translation>N Nie dotyczy</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>Nie dotyczy</translation>
    </message>
    <message>
        <source>%1: not applicable</source>
        <translation>%1: nie dotyczy</translation>
    </message>
    <message>
        <source>Comment on %1</source>
        <translation>Komentarz do %1</translation>
    </message>
    <message>
        <source>Comment (K)</source>
        <translation>Komentarz (K)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2, %3 points</source>
        <translation>%1: %2, pkt %3</translation>
    </message>
    <message>
        <source>Answer: not applicable</source>
        <translation>Odpowiedź: nie dotyczy</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Odpowiedź: %1</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Bez odpowiedzi</translation>
    </message>
    <message>
        <source>Keys 1–%1 answer, N not applicable, K comment</source>
        <translation>Klawisze 1–%1 odpowiadają, N – nie dotyczy, K – komentarz</translation>
    </message>
    <message>
        <source>Points for %1: %2</source>
        <translation>Punkty za %1: %2</translation>
    </message>
    <message>
        <source>(critical failure)</source>
        <translation>(błąd krytyczny)</translation>
    </message>
</context>
<context>
    <name>NewAuditDialog</name>
    <message>
        <source>New audit</source>
        <translation>Nowy audyt</translation>
    </message>
    <message>
        <source>badge or desk number, if the name is unknown</source>
        <translation>numer identyfikatora lub stanowiska, gdy nazwisko jest nieznane</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>&amp;Arkusz</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>&amp;Kanał</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>Komórka &amp;organizacyjna</translation>
    </message>
    <message>
        <source>Observed &amp;employee</source>
        <translation>Obserwowany &amp;pracownik</translation>
    </message>
    <message>
        <source>Badge / &amp;desk</source>
        <translation>Identyfikator / &amp;stanowisko</translation>
    </message>
    <message>
        <source>Date and &amp;time</source>
        <translation>&amp;Data i godzina</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Rozpocznij</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenario&lt;/b&gt;</source>
        <translation>&lt;b&gt;Scenariusz&lt;/b&gt;</translation>
    </message>
    <message>
        <source>— not identified —</source>
        <translation>— nieustalony —</translation>
    </message>
    <message>
        <source>Choose a form and a unit.</source>
        <translation>Wybierz arkusz i komórkę organizacyjną.</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Show (F5)</source>
        <translation>Pokaż (F5)</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>Powrót do listy (Esc)</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Standardy</translation>
    </message>
    <message>
        <source>Trend by month</source>
        <translation>Trend miesięczny</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Arkusz</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>to</source>
        <translation>do</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Porównaj</translation>
    </message>
    <message>
        <source>with</source>
        <translation>z</translation>
    </message>
    <message>
        <source>n = number of audits in which the standard applied (for a section: item checks); 95 % CI = Wilson interval. ▲/▼ mark a difference that stays statistically significant (p &lt; 0.05) after the Holm correction for all the differences shown at once; other differences may be chance.</source>
        <translation>n = liczba audytów, w których standard miał zastosowanie (dla obszaru: liczba ocenionych pytań); 95 % PU = przedział ufności Wilsona. ▲/▼ oznaczają różnicę, która pozostaje istotna statystycznie (p &lt; 0,05) po poprawce Holma na wszystkie różnice pokazane naraz; pozostałe różnice mogą być przypadkowe.</translation>
    </message>
    <message>
        <source>Computing results…</source>
        <translation>Obliczanie wyników…</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1: %2 completed audits, mean score %3</source>
        <translation>%1: zakończone audyty: %2, średni wynik %3</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>95 % CI</source>
        <translation>95 % PU</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Różnica</translation>
    </message>
    <message>
        <source>%1 pp, not significant</source>
        <translation>%1 pp, nieistotna</translation>
    </message>
</context>
</TS>
