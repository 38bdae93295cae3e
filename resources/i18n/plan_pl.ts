<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>ExclusionsDialog</name>
    <message>
        <source>Units an auditor worked in</source>
        <translation>Komórki, w których audytor pracował</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Audytor</translation>
    </message>
    <message>
        <source>Units the auditor worked in</source>
        <translation>Komórki, w których audytor pracował</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Uwaga</translation>
    </message>
    <message>
        <source>&amp;Auditor:</source>
        <translation>&amp;Audytor:</translation>
    </message>
    <message>
        <source>&amp;Worked in:</source>
        <translation>&amp;Pracował w:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>U&amp;waga:</translation>
    </message>
</context>
<context>
    <name>MissedDialog</name>
    <message>
        <source>Visit not made</source>
        <translation>Wizyta się nie odbyła</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Co się stało</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Nieodbyta</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Odwołana</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Plan a &amp;replacement</source>
        <translation>Zaplanuj wizytę &amp;zastępczą</translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation>&amp;Co się stało:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Powód:</translation>
    </message>
</context>
<context>
    <name>MyVisitsTab</name>
    <message>
        <source>My planned visits</source>
        <translation>Moje zaplanowane wizyty</translation>
    </message>
    <message>
        <source>Scenario and answer key</source>
        <translation>Scenariusz i klucz odpowiedzi</translation>
    </message>
    <message>
        <source>&amp;Start audit</source>
        <translation>&amp;Rozpocznij badanie</translation>
    </message>
    <message>
        <source>&lt;b&gt;My planned visits&lt;/b&gt; (confidential)</source>
        <translation>&lt;b&gt;Moje zaplanowane wizyty&lt;/b&gt; (poufne)</translation>
    </message>
    <message>
        <source>&lt;p&gt;No visit planned for you.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nie masz zaplanowanych wizyt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The audit is started; fill it in in the Audits panel.</source>
        <translation>Badanie rozpoczęte; wypełnij je w panelu Badania.</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>Planned</source>
        <translation>Zaplanowana</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wykonana</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Nieodbyta</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Odwołana</translation>
    </message>
    <message>
        <source>± {0} points</source>
        <translation>± {0} pkt</translation>
    </message>
    <message>
        <source>Replacing an ID card</source>
        <translation>Wymiana dowodu osobistego</translation>
    </message>
    <message>
        <source>Documents for a case</source>
        <translation>Dokumenty potrzebne do sprawy</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Komórka</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klienci</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Poprzedni wynik</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Wizyty</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Dokładność</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Do wykonania</translation>
    </message>
    <message>
        <source>Missed or cancelled</source>
        <translation>Nieodbyte lub odwołane</translation>
    </message>
    <message>
        <source>Precision so far</source>
        <translation>Dokładność dotychczas</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Uzasadnienie</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Godzina</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanał</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenariusz</translation>
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
        <source>No scenario</source>
        <translation>Bez scenariusza</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Instrukcja</translation>
    </message>
    <message>
        <source>Answer key</source>
        <translation>Klucz odpowiedzi</translation>
    </message>
    <message>
        <source>{0} at {1}, {2} {3}, form {4}</source>
        <translation>{0}, godz. {1}, {2}, {3}, arkusz {4}</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>Visit plan</source>
        <translation>Plan wizyt</translation>
    </message>
    <message>
        <source>&amp;Programmes</source>
        <translation>&amp;Programy</translation>
    </message>
    <message>
        <source>&amp;My planned visits</source>
        <translation>&amp;Moje zaplanowane wizyty</translation>
    </message>
    <message>
        <source>The visit plan is confidential: it is for HR and quality staff, and each auditor sees their own visits. Your role ({0}) does not include it.</source>
        <translation>Plan wizyt jest poufny: jest przeznaczony dla kadr i zespołu ds. jakości, a każdy audytor widzi tylko swoje wizyty. Twoja rola ({0}) go nie obejmuje.</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>New programme</source>
        <translation>Nowy program</translation>
    </message>
    <message>
        <source>Mystery client {0}</source>
        <translation>Tajemniczy Klient {0}</translation>
    </message>
    <message>
        <source>Precision target</source>
        <translation>Wymagana dokładność</translation>
    </message>
    <message>
        <source>Budget of visits</source>
        <translation>Budżet wizyt</translation>
    </message>
    <message>
        <source> points</source>
        <translation> pkt</translation>
    </message>
    <message>
        <source> visits</source>
        <translation> wizyt</translation>
    </message>
    <message>
        <source>Proportional to client traffic</source>
        <translation>Proporcjonalnie do liczby klientów</translation>
    </message>
    <message>
        <source>Neyman (traffic and last period&apos;s spread)</source>
        <translation>Metodą Neymana (liczba klientów i zmienność wyników z poprzedniego okresu)</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
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
        <source>&amp;Plan by:</source>
        <translation>&amp;Planuj według:</translation>
    </message>
    <message>
        <source>Each unit&apos;s result &amp;within:</source>
        <translation>Wynik każdej komórki z &amp;dokładnością:</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>&amp;Budżet:</translation>
    </message>
    <message>
        <source>&amp;Confidence:</source>
        <translation>&amp;Poziom ufności:</translation>
    </message>
    <message>
        <source>&amp;Share the budget:</source>
        <translation>&amp;Podział budżetu:</translation>
    </message>
    <message>
        <source>&amp;Seed (the same seed, the same plan):</source>
        <translation>&amp;Ziarno losowania (to samo ziarno, ten sam plan):</translation>
    </message>
    <message>
        <source>Channels and their weights</source>
        <translation>Kanały i ich wagi</translation>
    </message>
    <message>
        <source>Weight of {0}</source>
        <translation>Waga kanału {0}</translation>
    </message>
    <message>
        <source>Units in the programme</source>
        <translation>Komórki objęte programem</translation>
    </message>
    <message>
        <source>Opening hours of the selected units</source>
        <translation>Godziny przyjęć zaznaczonych komórek</translation>
    </message>
    <message>
        <source>For example: mon 08:00-17:00; tue-fri 08:00-15:30. Applies to the units selected in the list above (Ctrl+A: all of them).</source>
        <translation>Na przykład: mon 08:00-17:00; tue-fri 08:00-15:30 (dni po angielsku: mon, tue, wed, thu, fri). Dotyczy komórek zaznaczonych na liście powyżej (Ctrl+A: wszystkich).</translation>
    </message>
    <message>
        <source>&amp;Opening hours of the selected units:</source>
        <translation>&amp;Godziny przyjęć zaznaczonych komórek:</translation>
    </message>
    <message>
        <source>Opening hours: {0}</source>
        <translation>Godziny przyjęć: {0}</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Komórki</translation>
    </message>
    <message>
        <source>Auditors of the programme</source>
        <translation>Audytorzy programu</translation>
    </message>
    <message>
        <source>Visits per auditor per week</source>
        <translation>Wizyty audytora w tygodniu</translation>
    </message>
    <message>
        <source>Auditors</source>
        <translation>Audytorzy</translation>
    </message>
    <message>
        <source>&amp;Visits per week each:</source>
        <translation>&amp;Wizyt tygodniowo na audytora:</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scenariusze</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanał</translation>
    </message>
    <message>
        <source>Case presented</source>
        <translation>Przedstawiana sprawa</translation>
    </message>
    <message>
        <source>Brief for the auditor</source>
        <translation>Instrukcja dla audytora</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Waga</translation>
    </message>
    <message>
        <source>&amp;Add scenario</source>
        <translation>&amp;Dodaj scenariusz</translation>
    </message>
    <message>
        <source>&amp;Remove scenario</source>
        <translation>&amp;Usuń scenariusz</translation>
    </message>
    <message>
        <source>Scenarios (the cases the client presents)</source>
        <translation>Scenariusze (sprawy, z którymi przychodzi klient)</translation>
    </message>
</context>
<context>
    <name>ProgrammesTab</name>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>P&amp;rogramme:</source>
        <translation>P&amp;rogram:</translation>
    </message>
    <message>
        <source>&amp;New programme…</source>
        <translation>&amp;Nowy program…</translation>
    </message>
    <message>
        <source>&amp;Plan: visits, dates, auditors</source>
        <translation>&amp;Zaplanuj: wizyty, terminy, audytorzy</translation>
    </message>
    <message>
        <source>E&amp;xport XLSX…</source>
        <translation>&amp;Eksportuj XLSX…</translation>
    </message>
    <message>
        <source>&amp;Import XLSX…</source>
        <translation>&amp;Importuj XLSX…</translation>
    </message>
    <message>
        <source>Auditor whose schedule to print</source>
        <translation>Audytor, którego harmonogram wydrukować</translation>
    </message>
    <message>
        <source>&amp;Schedule PDF…</source>
        <translation>&amp;Harmonogram PDF…</translation>
    </message>
    <message>
        <source>&amp;Missed or cancelled…</source>
        <translation>&amp;Nieodbyta lub odwołana…</translation>
    </message>
    <message>
        <source>&amp;Units auditors worked in…</source>
        <translation>&amp;Dawne komórki audytorów…</translation>
    </message>
    <message>
        <source>Units: visits and precision</source>
        <translation>Komórki: liczba wizyt i dokładność</translation>
    </message>
    <message>
        <source>Planned visits</source>
        <translation>Zaplanowane wizyty</translation>
    </message>
    <message>
        <source>No programme yet: start with New programme.</source>
        <translation>Nie ma jeszcze programu: zacznij od przycisku Nowy program.</translation>
    </message>
    <message>
        <source>each unit&apos;s result within ± {0} points at {1} %</source>
        <translation>wynik każdej komórki z dokładnością ± {0} pkt przy ufności {1} %</translation>
    </message>
    <message>
        <source>a budget of {0} visits</source>
        <translation>budżet {0} wizyt</translation>
    </message>
    <message>
        <source>{0}: {1}; {2} visits planned; channels: {3}.</source>
        <translation>{0}: {1}; zaplanowano wizyt: {2}; kanały: {3}.</translation>
    </message>
    <message>
        <source>Programme created; press Plan to compute and schedule it.</source>
        <translation>Program utworzony; naciśnij Zaplanuj, aby wyliczyć wizyty i terminy.</translation>
    </message>
    <message>
        <source>Saved: {0} unit(s) barred; press Plan to assign again.</source>
        <translation>Zapisano; wyłączone komórki: {0}. Naciśnij Zaplanuj, aby przydzielić wizyty od nowa.</translation>
    </message>
    <message>
        <source>Planned: {0} visits, {1} problem(s).</source>
        <translation>Zaplanowano wizyt: {0}; problemy: {1}.</translation>
    </message>
    <message>
        <source>Planning the programme…</source>
        <translation>Planowanie programu…</translation>
    </message>
    <message>
        <source>Export the plan</source>
        <translation>Eksport planu</translation>
    </message>
    <message>
        <source>{0}: {1} planned visits written.</source>
        <translation>{0}: zapisano zaplanowanych wizyt: {1}.</translation>
    </message>
    <message>
        <source>Import the plan</source>
        <translation>Import planu</translation>
    </message>
    <message>
        <source>{0}: {1} visits added, {2} changed.</source>
        <translation>{0}: dodano wizyt: {1}, zmieniono: {2}.</translation>
    </message>
    <message>
        <source>Choose the auditor whose schedule to print.</source>
        <translation>Wybierz audytora, którego harmonogram wydrukować.</translation>
    </message>
    <message>
        <source>Schedule of the auditor</source>
        <translation>Harmonogram audytora</translation>
    </message>
    <message>
        <source>{0}: the schedule of {1} visits written.</source>
        <translation>{0}: zapisano harmonogram wizyt ({1}).</translation>
    </message>
    <message>
        <source>Select the visit that was not made.</source>
        <translation>Zaznacz wizytę, która się nie odbyła.</translation>
    </message>
    <message>
        <source>Replaced by a visit on {0} at {1}.</source>
        <translation>Zastąpiona wizytą w dniu {0} o godz. {1}.</translation>
    </message>
    <message>
        <source>The visit is marked; no replacement was planned.</source>
        <translation>Wizyta oznaczona; wizyty zastępczej nie zaplanowano.</translation>
    </message>
</context>
</TS>
