<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Absence: %1</source>
        <translation>Nieobecność: %1</translation>
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
        <source>&amp;Reason:</source>
        <translation>&amp;Przyczyna:</translation>
    </message>
    <message>
        <source>Type both dates as dd.mm.yyyy.</source>
        <translation>Wpisz obie daty w formacie dd.mm.rrrr.</translation>
    </message>
</context>
<context>
    <name>AppraisalEditor</name>
    <message>
        <source>Steps of the appraisal</source>
        <translation>Etapy oceny</translation>
    </message>
    <message>
        <source>1. Criteria and expectations</source>
        <translation>1. Kryteria i oczekiwania</translation>
    </message>
    <message>
        <source>2. Ratings</source>
        <translation>2. Oceny kryteriów</translation>
    </message>
    <message>
        <source>3. Development (IPRZ)</source>
        <translation>3. Rozwój (IPRZ)</translation>
    </message>
    <message>
        <source>4. Conversation</source>
        <translation>4. Rozmowa oceniająca</translation>
    </message>
    <message>
        <source>5. Reading or objection</source>
        <translation>5. Zapoznanie lub odwołanie</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Saves what is typed and closes (Esc)</source>
        <translation>Zapisuje wpisany tekst i zamyka okno (Esc)</translation>
    </message>
    <message>
        <source>Appraisal %1</source>
        <translation>Ocena %1</translation>
    </message>
    <message>
        <source>Replaces %1 after an upheld objection (kept unchanged).</source>
        <translation>Zastępuje ocenę %1 po uwzględnieniu odwołania (pierwotna pozostaje bez zmian).</translation>
    </message>
    <message>
        <source>appraiser</source>
        <translation>oceniający</translation>
    </message>
    <message>
        <source>Mandatory criteria are ticked and fixed; choose %1–%2 additional ones.</source>
        <translation>Kryteria obowiązkowe są zaznaczone na stałe; wybierz od %1 do %2 kryteriów dodatkowych.</translation>
    </message>
    <message>
        <source>(not rated)</source>
        <translation>(bez oceny)</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audyt</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Informacja zwrotna</translation>
    </message>
    <message>
        <source>(no audits or feedback notes in the period)</source>
        <translation>(brak audytów i informacji zwrotnych w okresie oceny)</translation>
    </message>
    <message>
        <source>Objection until</source>
        <translation>Odwołanie do</translation>
    </message>
    <message>
        <source>Decision until</source>
        <translation>Rozstrzygnięcie do</translation>
    </message>
    <message>
        <source>Follow-up appraisal due</source>
        <translation>Kolejna ocena do</translation>
    </message>
    <message>
        <source>Follow-up no sooner than</source>
        <translation>Kolejna ocena nie wcześniej niż</translation>
    </message>
    <message>
        <source>Overall result so far: %1 – %2 (%3), %4 of %5 criteria rated; final when the conversation is recorded.</source>
        <translation>Wynik ogólny na razie: %1 – %2 (%3), ocenione kryteria: %4 z %5; ostateczny po zapisaniu rozmowy oceniającej.</translation>
    </message>
    <message>
        <source>Overall result: shown as criteria are rated; final when the conversation is recorded.</source>
        <translation>Wynik ogólny: pojawi się w miarę oceniania kryteriów; ostateczny po zapisaniu rozmowy oceniającej.</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>pozytywna</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negatywna</translation>
    </message>
    <message>
        <source>Overall result: %1 – %2 (%3)</source>
        <translation>Wynik ogólny: %1 – %2 (%3)</translation>
    </message>
</context>
<context>
    <name>AppraisalsPanel</name>
    <message>
        <source>Appraisals: {0} overdue, {1} due within 30 days, {2} within 60 days</source>
        <translation>Oceny okresowe: po terminie {0}, w ciągu 30 dni {1}, w ciągu 60 dni {2}</translation>
    </message>
    <message>
        <source>Appraisals</source>
        <translation>Oceny okresowe</translation>
    </message>
    <message>
        <source>Find an employee (Ctrl+F)</source>
        <translation>Znajdź pracownika (Ctrl+F)</translation>
    </message>
    <message>
        <source>New appraisal (Ctrl+N)</source>
        <translation>Nowa ocena (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>Otwórz (Enter)</translation>
    </message>
    <message>
        <source>Feedback note (Ctrl+Shift+F)</source>
        <translation>Informacja zwrotna (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Absence (Ctrl+Shift+B)</source>
        <translation>Nieobecność (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Team and their appraisals</source>
        <translation>Zespół i jego oceny</translation>
    </message>
    <message>
        <source>Feedback notes</source>
        <translation>Informacje zwrotne</translation>
    </message>
    <message>
        <source>Appraisals are personal data: only supervisors (for their staff) and HR see them.</source>
        <translation>Oceny okresowe to dane osobowe: widzą je tylko przełożeni (swoich pracowników) i kadry.</translation>
    </message>
    <message>
        <source>No appraisal is due in the next 60 days.</source>
        <translation>W ciągu najbliższych 60 dni nie przypada termin żadnej oceny.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overdue: %1&lt;/b&gt; (%2%3)</source>
        <translation>&lt;b&gt;Po terminie: %1&lt;/b&gt; (%2%3)</translation>
    </message>
    <message>
        <source>due within 30 days: %1 (%2)</source>
        <translation>termin w ciągu 30 dni: %1 (%2)</translation>
    </message>
    <message>
        <source>within 60 days: %1</source>
        <translation>w ciągu 60 dni: %1</translation>
    </message>
    <message>
        <source>in progress: %1</source>
        <translation>w toku: %1</translation>
    </message>
    <message>
        <source>two negative appraisals in a row: %1</source>
        <translation>dwie kolejne oceny negatywne: %1</translation>
    </message>
    <message>
        <source>Appraisals — </source>
        <translation>Oceny okresowe — </translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Termin kolejnej oceny</translation>
    </message>
    <message>
        <source>Select an employee first.</source>
        <translation>Najpierw wybierz pracownika.</translation>
    </message>
    <message>
        <source>Feedback note saved.</source>
        <translation>Zapisano informację zwrotną.</translation>
    </message>
    <message>
        <source>Absence recorded; the due date is recomputed.</source>
        <translation>Zapisano nieobecność; termin oceny przeliczono.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.rrrr</translation>
    </message>
</context>
<context>
    <name>EditorPages</name>
    <message>
        <source>Criterion</source>
        <translation>Kryterium</translation>
    </message>
    <message>
        <source>Expectations agreed with the employee</source>
        <translation>Oczekiwania uzgodnione z pracownikiem</translation>
    </message>
    <message>
        <source>Save criteria (Ctrl+S)</source>
        <translation>Zapisz kryteria (Ctrl+S)</translation>
    </message>
    <message>
        <source>Justification (required): facts and examples from the period</source>
        <translation>Uzasadnienie (wymagane): fakty i przykłady z okresu oceny</translation>
    </message>
    <message>
        <source>&amp;Rating:</source>
        <translation>&amp;Ocena:</translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation>&amp;Uzasadnienie:</translation>
    </message>
    <message>
        <source>Evidence of the period: mystery-client audits and feedback</source>
        <translation>Materiał z okresu oceny: audyty tajemniczego klienta i informacje zwrotne</translation>
    </message>
    <message>
        <source>Criteria and expectations</source>
        <translation>Kryteria i oczekiwania</translation>
    </message>
    <message>
        <source>Criteria to rate</source>
        <translation>Kryteria do oceny</translation>
    </message>
    <message>
        <source>Development areas</source>
        <translation>Obszary do rozwoju</translation>
    </message>
    <message>
        <source>One action a line: kind: description, e.g. &apos;training: plain language&apos;</source>
        <translation>Jedno działanie w wierszu: rodzaj: opis, np. „szkolenie: prosty język”</translation>
    </message>
    <message>
        <source>Add area (Ctrl+S)</source>
        <translation>Dodaj obszar (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save changes (Ctrl+S)</source>
        <translation>Zapisz zmiany (Ctrl+S)</translation>
    </message>
    <message>
        <source>Saves the selected area as the form shows it</source>
        <translation>Zapisuje zaznaczony obszar tak, jak pokazuje go formularz</translation>
    </message>
    <message>
        <source>Remove area…</source>
        <translation>Usuń obszar…</translation>
    </message>
    <message>
        <source>New area</source>
        <translation>Nowy obszar</translation>
    </message>
    <message>
        <source>Clears the form to add another area</source>
        <translation>Czyści formularz, by dodać kolejny obszar</translation>
    </message>
    <message>
        <source>Open development actions</source>
        <translation>Otwarte działania rozwojowe</translation>
    </message>
    <message>
        <source>Mark the selected action done</source>
        <translation>Oznacz wybrane działanie jako wykonane</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>&amp;Obszar:</translation>
    </message>
    <message>
        <source>Expected &amp;change:</source>
        <translation>Oczekiwana &amp;zmiana:</translation>
    </message>
    <message>
        <source>&amp;Support from the office:</source>
        <translation>&amp;Wsparcie urzędu:</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Termin:</translation>
    </message>
    <message>
        <source>A&amp;ctions:</source>
        <translation>Dzi&amp;ałania:</translation>
    </message>
    <message>
        <source>Development areas of this appraisal (select one to change it)</source>
        <translation>Obszary rozwoju w tej ocenie (zaznacz obszar, aby go zmienić)</translation>
    </message>
    <message>
        <source>Open actions from earlier appraisals</source>
        <translation>Niezakończone działania z wcześniejszych ocen</translation>
    </message>
    <message>
        <source>Record the conversation (Ctrl+S)</source>
        <translation>Zapisz rozmowę oceniającą (Ctrl+S)</translation>
    </message>
    <message>
        <source>Date of the appraisal &amp;conversation:</source>
        <translation>Data &amp;rozmowy oceniającej:</translation>
    </message>
    <message>
        <source>Notes of the conversation</source>
        <translation>Notatki z rozmowy</translation>
    </message>
    <message>
        <source>Date of the note</source>
        <translation>Data notatki</translation>
    </message>
    <message>
        <source>Text of the note</source>
        <translation>Treść notatki</translation>
    </message>
    <message>
        <source>What was said, agreed or asked for (Ctrl+S adds the note)</source>
        <translation>Co powiedziano, uzgodniono lub o co poproszono (Ctrl+S dodaje notatkę)</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Dodaj &amp;notatkę</translation>
    </message>
    <message>
        <source>Remo&amp;ve the selected note…</source>
        <translation>&amp;Usuń zaznaczoną notatkę…</translation>
    </message>
    <message>
        <source>Note &amp;date:</source>
        <translation>&amp;Data notatki:</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>&amp;Treść notatki:</translation>
    </message>
    <message>
        <source>Record reading (Ctrl+R)</source>
        <translation>Zapisz zapoznanie się (Ctrl+R)</translation>
    </message>
    <message>
        <source>The employee read the appraisal</source>
        <translation>Pracownik zapoznał się z oceną</translation>
    </message>
    <message>
        <source>Date &amp;read:</source>
        <translation>Data &amp;zapoznania:</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>&amp;Uwagi:</translation>
    </message>
    <message>
        <source>File objection (Ctrl+J)</source>
        <translation>Wnieś odwołanie (Ctrl+J)</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Odwołanie</translation>
    </message>
    <message>
        <source>Date &amp;filed:</source>
        <translation>Data &amp;wniesienia:</translation>
    </message>
    <message>
        <source>Reas&amp;on:</source>
        <translation>Uza&amp;sadnienie:</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>zmieniona</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>sporządzona ponownie</translation>
    </message>
    <message>
        <source>Record decision (Ctrl+D)</source>
        <translation>Zapisz rozstrzygnięcie (Ctrl+D)</translation>
    </message>
    <message>
        <source>Decision on the objection</source>
        <translation>Rozstrzygnięcie odwołania</translation>
    </message>
    <message>
        <source>D&amp;ecision:</source>
        <translation>Ro&amp;zstrzygnięcie:</translation>
    </message>
    <message>
        <source>If upheld, the appraisal is:</source>
        <translation>Po uwzględnieniu ocena zostaje:</translation>
    </message>
    <message>
        <source>Decided &amp;on:</source>
        <translation>Data rozst&amp;rzygnięcia:</translation>
    </message>
    <message>
        <source>Gro&amp;unds:</source>
        <translation>Uzasadnie&amp;nie:</translation>
    </message>
</context>
<context>
    <name>EditorSteps</name>
    <message>
        <source>What you typed: “%1”</source>
        <translation>Wpisany tekst: „%1”</translation>
    </message>
    <message>
        <source>Criteria saved.</source>
        <translation>Kryteria zapisano.</translation>
    </message>
    <message>
        <source>The criteria and expectations you chose were not saved; the stored ones are shown.</source>
        <translation>Wybrane kryteria i oczekiwania nie zostały zapisane; pokazano zapisane wcześniej.</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>Oczekiwania</translation>
    </message>
    <message>
        <source>Choose a rating for “%1” first: its justification is written but the rating is missing. (To leave it unrated, clear the justification.)</source>
        <translation>Najpierw wybierz ocenę kryterium „%1”: uzasadnienie jest wpisane, ale brakuje oceny. (Aby zostawić kryterium bez oceny, usuń uzasadnienie.)</translation>
    </message>
    <message>
        <source>Your rating of “%1” (%2) was not saved; the stored one is shown.</source>
        <translation>Twoja ocena kryterium „%1” (%2) nie została zapisana; pokazano zapisaną wcześniej.</translation>
    </message>
    <message>
        <source>Rating saved.</source>
        <translation>Ocenę kryterium zapisano.</translation>
    </message>
    <message>
        <source>Type the deadline as dd.mm.yyyy.</source>
        <translation>Wpisz termin w formacie dd.mm.rrrr.</translation>
    </message>
    <message>
        <source>Development area added.</source>
        <translation>Dodano obszar rozwoju.</translation>
    </message>
    <message>
        <source>The development area was not saved; what you typed is still in the form.</source>
        <translation>Obszar rozwoju nie został zapisany; wpisany tekst pozostał w formularzu.</translation>
    </message>
    <message>
        <source>Add as a new area</source>
        <translation>Dodaj jako nowy obszar</translation>
    </message>
    <message>
        <source>Add area (Ctrl+S)</source>
        <translation>Dodaj obszar (Ctrl+S)</translation>
    </message>
    <message>
        <source>Select the area to change first.</source>
        <translation>Najpierw zaznacz obszar do zmiany.</translation>
    </message>
    <message>
        <source>Development area changed.</source>
        <translation>Obszar rozwoju zmieniony.</translation>
    </message>
    <message>
        <source>Select the area to remove first.</source>
        <translation>Najpierw zaznacz obszar do usunięcia.</translation>
    </message>
    <message>
        <source>Remove development area</source>
        <translation>Usuń obszar rozwoju</translation>
    </message>
    <message>
        <source>Remove the development area “%1” and its actions from this appraisal?</source>
        <translation>Usunąć obszar rozwoju „%1” wraz z jego działaniami z tej oceny?</translation>
    </message>
    <message>
        <source>Development area removed.</source>
        <translation>Obszar rozwoju usunięty.</translation>
    </message>
    <message>
        <source>The development area was not removed.</source>
        <translation>Obszar rozwoju nie został usunięty.</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Notatka dodana.</translation>
    </message>
    <message>
        <source>The note was not added; its text is still in the box.</source>
        <translation>Notatka nie została dodana; jej tekst pozostał w polu.</translation>
    </message>
    <message>
        <source>Select the note to remove first.</source>
        <translation>Najpierw zaznacz notatkę do usunięcia.</translation>
    </message>
    <message>
        <source>Remove note</source>
        <translation>Usuń notatkę</translation>
    </message>
    <message>
        <source>Remove this note of the conversation?</source>
        <translation>Usunąć tę notatkę z rozmowy?</translation>
    </message>
    <message>
        <source>Note removed.</source>
        <translation>Notatka usunięta.</translation>
    </message>
    <message>
        <source>The note was not removed.</source>
        <translation>Notatka nie została usunięta.</translation>
    </message>
    <message>
        <source>Select an action first.</source>
        <translation>Najpierw wybierz działanie.</translation>
    </message>
    <message>
        <source>Action marked done.</source>
        <translation>Działanie oznaczono jako wykonane.</translation>
    </message>
    <message>
        <source>The action was not marked done.</source>
        <translation>Działanie nie zostało oznaczone jako wykonane.</translation>
    </message>
    <message>
        <source>Type the date as dd.mm.yyyy.</source>
        <translation>Wpisz datę w formacie dd.mm.rrrr.</translation>
    </message>
    <message>
        <source>Conversation recorded; the overall result is computed.</source>
        <translation>Zapisano rozmowę oceniającą; obliczono wynik ogólny.</translation>
    </message>
    <message>
        <source>The conversation was not recorded.</source>
        <translation>Rozmowa nie została zapisana.</translation>
    </message>
    <message>
        <source>Reading recorded.</source>
        <translation>Zapisano datę zapoznania się z oceną.</translation>
    </message>
    <message>
        <source>The reading was not recorded.</source>
        <translation>Data zapoznania się z oceną nie została zapisana.</translation>
    </message>
    <message>
        <source>Objection recorded.</source>
        <translation>Zapisano odwołanie.</translation>
    </message>
    <message>
        <source>The objection was not recorded.</source>
        <translation>Odwołanie nie zostało zapisane.</translation>
    </message>
    <message>
        <source>Decision recorded.</source>
        <translation>Zapisano rozstrzygnięcie.</translation>
    </message>
    <message>
        <source>The decision was not recorded.</source>
        <translation>Rozstrzygnięcie nie zostało zapisane.</translation>
    </message>
    <message>
        <source>Objection upheld: %1 is kept unchanged; correct the new appraisal %2.</source>
        <translation>Odwołanie uwzględnione: ocena %1 pozostaje bez zmian; popraw nową ocenę %2.</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>audit %1</source>
        <translation>audyt %1</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Feedback note: %1</source>
        <translation>Informacja zwrotna: %1</translation>
    </message>
    <message>
        <source>(no audit)</source>
        <translation>(bez audytu)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Temat:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Rodzaj:</translation>
    </message>
    <message>
        <source>Cites &amp;audit:</source>
        <translation>Powołuje &amp;audyt:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Treść:</translation>
    </message>
    <message>
        <source>Type the date as dd.mm.yyyy.</source>
        <translation>Wpisz datę w formacie dd.mm.rrrr.</translation>
    </message>
    <message>
        <source>Write the topic of the note.</source>
        <translation>Wpisz temat informacji zwrotnej.</translation>
    </message>
</context>
<context>
    <name>NewAppraisalDialog</name>
    <message>
        <source>New appraisal: %1</source>
        <translation>Nowa ocena: %1</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Arkusz:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Rodzaj:</translation>
    </message>
    <message>
        <source>Period &amp;from:</source>
        <translation>Okres &amp;od:</translation>
    </message>
    <message>
        <source>Period &amp;to:</source>
        <translation>Okres &amp;do:</translation>
    </message>
    <message>
        <source>Type both dates as dd.mm.yyyy.</source>
        <translation>Wpisz obie daty w formacie dd.mm.rrrr.</translation>
    </message>
</context>
<context>
    <name>TeamModel</name>
    <message>
        <source>Employee</source>
        <translation>Pracownik</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Stanowisko</translation>
    </message>
    <message>
        <source>Last appraisal</source>
        <translation>Ostatnia ocena</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Termin kolejnej oceny</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Podstawa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
</context>
</TS>
