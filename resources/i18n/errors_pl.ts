<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
  <context>
    <name>Errors</name>
    <message>
      <source>--auditor {login}: no active auditor of that login</source>
      <translation>--auditor {login}: nie ma aktywnego audytora o tym loginie.</translation>
    </message>
    <message>
      <source>--auditor {login}: no such auditor</source>
      <translation>--auditor {login}: nie ma takiego audytora.</translation>
    </message>
    <message>
      <source>--format {format}: use json, csv or xlsx</source>
      <translation>--format {format}: użyj formatu json, csv lub xlsx.</translation>
    </message>
    <message>
      <source>--from is after --to; swap the dates</source>
      <translation>Data --from jest późniejsza niż --to; zamień daty miejscami.</translation>
    </message>
    <message>
      <source>--key: {kind!r} is not a key type; choose one of {types}</source>
      <translation>--key: {kind!r} nie jest rodzajem klucza; wybierz jeden z: {types}</translation>
    </message>
    <message>
      <source>--map {option!r}: write HEADER=FIELD (or HEADER= to leave the column out), e.g. --map &apos;Data zakończenia sprawy=settled_on&apos;</source>
      <translation>--map {option!r}: napisz NAGŁÓWEK=POLE (albo NAGŁÓWEK=, aby świadomie pominąć kolumnę), np. --map &apos;Data zakończenia sprawy=settled_on&apos;</translation>
    </message>
    <message>
      <source>--mapping {value!r}: write COLUMN=QUESTION or name a JSON file</source>
      <translation>--mapping {value!r}: należy podać KOLUMNA=PYTANIE albo nazwę pliku JSON</translation>
    </message>
    <message>
      <source>--name: give the signer&apos;s full name, e.g. --name &apos;Jan Kowalski&apos;</source>
      <translation>--name: podaj imię i nazwisko osoby podpisującej, np. --name &apos;Jan Kowalski&apos;</translation>
    </message>
    <message>
      <source>--password-env {variable}: that environment variable is not set; export it first, or leave the option out to be asked</source>
      <translation>--password-env {variable}: ta zmienna środowiskowa nie jest ustawiona; najpierw ją wyeksportuj albo pomiń tę opcję, aby program zapytał o hasło.</translation>
    </message>
    <message>
      <source>--scenario {value!r}: write CODE:CHANNEL:TITLE or CODE:CHANNEL:TITLE:WEIGHT</source>
      <translation>--scenario {value!r}: zapisz jako KOD:KANAŁ:TYTUŁ albo KOD:KANAŁ:TYTUŁ:WAGA.</translation>
    </message>
    <message>
      <source>--unit {code}: no such unit</source>
      <translation>--unit {code}: nie ma takiej komórki.</translation>
    </message>
    <message>
      <source>--unit {code}: no such unit (known codes: none)</source>
      <translation>--unit {code}: nie ma takiej komórki (w bazie nie ma żadnych kodów komórek).</translation>
    </message>
    <message>
      <source>--unit {code}: no such unit (known codes: {known})</source>
      <translation>--unit {code}: nie ma takiej komórki (znane kody: {known}).</translation>
    </message>
    <message>
      <source>--unit {unit}: no such unit; codes: {codes}</source>
      <translation>--unit {unit}: nie ma takiej komórki; kody komórek: {codes}</translation>
    </message>
    <message>
      <source>--within: a number of days, 0 or more</source>
      <translation>--within: podaj liczbę dni, 0 lub więcej.</translation>
    </message>
    <message>
      <source>--within: give a number of days, 0 or more</source>
      <translation>--within: podaj liczbę dni, 0 lub więcej.</translation>
    </message>
    <message>
      <source>--{option} {value!r}: the name is missing</source>
      <translation>--{option} {value!r}: brakuje nazwy.</translation>
    </message>
    <message>
      <source>--{option}: {value!r} is not a number</source>
      <translation>--{option}: {value!r} nie jest liczbą.</translation>
    </message>
    <message>
      <source>CSV dialect {dialect}: use pl or intl</source>
      <translation>Dialekt CSV {dialect}: użyj pl albo intl</translation>
    </message>
    <message>
      <source>PKCS#11 module {module!r} not found; set its path in the settings</source>
      <translation>Nie znaleziono modułu PKCS#11 {module!r}; wskaż jego ścieżkę w ustawieniach</translation>
    </message>
    <message>
      <source>a date is required here</source>
      <translation>tu wymagana jest data</translation>
    </message>
    <message>
      <source>a reference number is required here</source>
      <translation>tu wymagany jest numer (znak) sprawy</translation>
    </message>
    <message>
      <source>a scenario needs a code and a title (the case presented)</source>
      <translation>Scenariusz wymaga kodu i tytułu (przedstawianej sprawy).</translation>
    </message>
    <message>
      <source>a settled complaint or grievance needs an outcome ({allowed}); write it in this column, or map the column that holds it</source>
      <translation>załatwiona skarga lub zażalenie wymaga sposobu załatwienia ({allowed}); wpisz go w tej kolumnie albo przypisz kolumnę, która go zawiera</translation>
    </message>
    <message>
      <source>a special period needs a due date</source>
      <translation>sprawa z terminem szczególnym wymaga podania terminu</translation>
    </message>
    <message>
      <source>a survey campaign needs a title</source>
      <translation>badanie ankietowe musi mieć tytuł</translation>
    </message>
    <message>
      <source>a target is a percentage from 0 to 100, not {value}</source>
      <translation>cel to odsetek od 0 do 100, a nie {value}</translation>
    </message>
    <message>
      <source>a unit is listed twice in the programme</source>
      <translation>Komórka występuje w programie dwukrotnie.</translation>
    </message>
    <message>
      <source>a visit is marked missed or cancelled, not {status!r}</source>
      <translation>Wizytę oznacza się jako nieodbytą albo odwołaną, nie {status!r}.</translation>
    </message>
    <message>
      <source>a {kind} request needs a note saying what was asked and what was done</source>
      <translation>żądanie ({kind}) wymaga notatki: czego dotyczyło i co zrobiono</translation>
    </message>
    <message>
      <source>absence: the end {end} is before the start {start}</source>
      <translation>Nieobecność: data zakończenia {end} jest wcześniejsza niż data rozpoczęcia {start}. Popraw daty.</translation>
    </message>
    <message>
      <source>action #{action_id} does not exist</source>
      <translation>działanie nr {action_id} nie istnieje</translation>
    </message>
    <message>
      <source>action #{action_id} is already closed ({status})</source>
      <translation>działanie nr {action_id} jest już zamknięte ({status})</translation>
    </message>
    <message>
      <source>action plan #{plan_id} does not exist</source>
      <translation>Plan działań naprawczych #{plan_id} nie istnieje.</translation>
    </message>
    <message>
      <source>action {number}: done before the research was held; check the date</source>
      <translation>działanie {number}: wykonane przed datą badania; sprawdź datę</translation>
    </message>
    <message>
      <source>action {number}: give what is to be done and who is responsible</source>
      <translation>działanie {number}: podaj, co należy zrobić i kto za to odpowiada</translation>
    </message>
    <message>
      <source>action {number}: say what is to be done and who does it</source>
      <translation>Działanie {number}: podaj, co należy zrobić i kto ma to wykonać.</translation>
    </message>
    <message>
      <source>action {number}: status must be one of {statuses}</source>
      <translation>Działanie {number}: stan musi mieć jedną z wartości: {statuses}.</translation>
    </message>
    <message>
      <source>add at least one action before handing the plan over</source>
      <translation>Dodaj co najmniej jedno działanie, zanim przekażesz plan kierownikowi.</translation>
    </message>
    <message>
      <source>allocation {allocation!r} is unknown; use {allowed}</source>
      <translation>Nieznany sposób podziału {allocation!r}; użyj: {allowed}.</translation>
    </message>
    <message>
      <source>allocation {method!r} is unknown; use proportional or neyman</source>
      <translation>Nieznany sposób podziału {method!r}; użyj proportional albo neyman.</translation>
    </message>
    <message>
      <source>an accepted plan keeps its actions; only their status may change</source>
      <translation>Zatwierdzony plan zachowuje swoje działania; można zmienić tylko ich stan.</translation>
    </message>
    <message>
      <source>an action is set to open or in_progress here, not {status!r}; close it with a closing note</source>
      <translation>tu działanie można ustawić jako otwarte (open) lub w toku (in_progress), nie {status!r}; zamknij je z notatką zamknięcia</translation>
    </message>
    <message>
      <source>an answer to {question} is longer than 2000 characters</source>
      <translation>odpowiedź na pytanie {question} jest dłuższa niż 2000 znaków</translation>
    </message>
    <message>
      <source>an auditor cannot dispute an audit; the audited unit does</source>
      <translation>Audytor nie może zgłosić zastrzeżenia do audytu; zgłasza je badana komórka.</translation>
    </message>
    <message>
      <source>an upheld dispute needs an outcome: reaudit or amendment</source>
      <translation>Uwzględnione zastrzeżenie wymaga wskazania skutku: audyt powtórny (reaudit) albo korekta (amendment).</translation>
    </message>
    <message>
      <source>an upheld objection: say whether the appraisal is changed or redone</source>
      <translation>Uwzględniony sprzeciw: wskaż, czy ocena zostanie zmieniona, czy sporządzona od nowa.</translation>
    </message>
    <message>
      <source>appraisal #{appraisal} does not exist</source>
      <translation>Ocena okresowa nr {appraisal} nie istnieje.</translation>
    </message>
    <message>
      <source>appraisal kind {kind!r}: use one of {kinds}</source>
      <translation>Rodzaj oceny {kind!r} jest nieznany; użyj jednego z: {kinds}.</translation>
    </message>
    <message>
      <source>appraisal sheet version #{version} does not exist</source>
      <translation>Wersja arkusza oceny nr {version} nie istnieje.</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot add conversation notes now</source>
      <translation>ocena {record} ma status {appraisal_status}; nie można teraz dodać notatek z rozmowy</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot add development areas now</source>
      <translation>Ocena {record} ma status „{appraisal_status}”; nie można teraz dodawać obszarów rozwoju.</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot change development areas now</source>
      <translation>ocena {record} ma status {appraisal_status}; nie można teraz zmieniać obszarów do rozwoju</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot change ratings now</source>
      <translation>Ocena {record} ma status „{appraisal_status}”; nie można teraz zmieniać ocen kryteriów.</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot change the criteria now</source>
      <translation>Ocena {record} ma status „{appraisal_status}”; nie można teraz zmieniać kryteriów.</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot close it now</source>
      <translation>Ocena {record} ma status „{appraisal_status}”; nie można jej teraz zamknąć.</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot decide an objection now</source>
      <translation>Ocena {record} ma status „{appraisal_status}”; nie można teraz rozstrzygnąć odwołania.</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot file an objection (record the date it was read first) now</source>
      <translation>Ocena {record} ma status „{appraisal_status}”; nie można teraz wnieść odwołania (najpierw zapisz datę zapoznania się pracownika z oceną).</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot record that the employee read it now</source>
      <translation>Ocena {record} ma status „{appraisal_status}”; nie można teraz odnotować, że pracownik zapoznał się z oceną.</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot record the conversation now</source>
      <translation>Ocena {record} ma status „{appraisal_status}”; nie można teraz zapisać rozmowy oceniającej.</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot remove conversation notes now</source>
      <translation>ocena {record} ma status {appraisal_status}; nie można teraz usuwać notatek z rozmowy</translation>
    </message>
    <message>
      <source>appraisal {record} is {appraisal_status}; cannot remove development areas now</source>
      <translation>Ocena {record} ma status „{appraisal_status}”; nie można teraz usuwać obszarów rozwoju.</translation>
    </message>
    <message>
      <source>archive folder {path} does not exist; create it or give another</source>
      <translation>folder archiwum {path} nie istnieje; utwórz go lub wskaż inny</translation>
    </message>
    <message>
      <source>audit #{audit_id} does not exist (it may have been deleted)</source>
      <translation>Audyt #{audit_id} nie istnieje (mógł zostać usunięty).</translation>
    </message>
    <message>
      <source>audit {record} already has an open dispute</source>
      <translation>Do audytu {record} zgłoszono już zastrzeżenie, które nie zostało rozpatrzone.</translation>
    </message>
    <message>
      <source>audit {record} cannot be completed: {count} required item(s) unanswered: {items} and {more} more. Answer them (or mark N/A where allowed).</source>
      <translation>Nie można zakończyć audytu {record}: wymagane pytania bez odpowiedzi ({count}): {items} i {more} innych. Odpowiedz na nie (albo zaznacz „Nie dotyczy”, jeśli to dozwolone).</translation>
    </message>
    <message>
      <source>audit {record} cannot be completed: {count} required item(s) unanswered: {items}. Answer them (or mark N/A where allowed).</source>
      <translation>Nie można zakończyć audytu {record}: wymagane pytania bez odpowiedzi ({count}): {items}. Odpowiedz na nie (albo zaznacz „Nie dotyczy”, jeśli to dozwolone).</translation>
    </message>
    <message>
      <source>audit {record} is still a draft; only a completed audit can be disputed</source>
      <translation>Audyt {record} jest jeszcze wersją roboczą; zastrzeżenie można zgłosić tylko do zakończonego audytu.</translation>
    </message>
    <message>
      <source>audit {record} is {status} and locked: its answers can no longer change. If the unit disputes it, record a dispute; an upheld dispute gives a re-audit or an amendment that keeps this audit as it is.</source>
      <translation>Audyt {record} ma status „{status}” i jest zablokowany: jego odpowiedzi nie mogą się już zmienić. Jeśli komórka kwestionuje wynik, zarejestruj zastrzeżenie; uwzględnione zastrzeżenie prowadzi do audytu powtórnego albo korekty, a ten audyt pozostaje bez zmian.</translation>
    </message>
    <message>
      <source>audit {record} is {status}; only a completed audit can be signed</source>
      <translation>Audyt {record} ma status „{status}”; podpisać można tylko zakończony audyt.</translation>
    </message>
    <message>
      <source>audit {record}, scenario: {fields} cannot be empty</source>
      <translation>Audyt {record}, scenariusz: pola {fields} nie mogą być puste. Uzupełnij je.</translation>
    </message>
    <message>
      <source>auditor #{user}: weekly capacity must be at least 1</source>
      <translation>Audytor #{user}: liczba wizyt w tygodniu musi wynosić co najmniej 1.</translation>
    </message>
    <message>
      <source>budget {budget} must be at least one visit</source>
      <translation>Budżet {budget} musi obejmować co najmniej jedną wizytę.</translation>
    </message>
    <message>
      <source>cannot be negative</source>
      <translation>nie może być ujemna</translation>
    </message>
    <message>
      <source>channel {channel!r} is not one of: {allowed}</source>
      <translation>sposób wpływu {channel!r} nie należy do dozwolonych: {allowed}</translation>
    </message>
    <message>
      <source>channel {channel!r} is unknown; use one of: {channels}</source>
      <translation>Kanał {channel!r} jest nieznany; wybierz jeden z: {channels}.</translation>
    </message>
    <message>
      <source>confidence {confidence} is outside 0.5–0.999; give it as a fraction, e.g. 0.95</source>
      <translation>Poziom ufności {confidence} jest poza zakresem 0,5–0,999; podaj go jako ułamek, np. 0.95.</translation>
    </message>
    <message>
      <source>conflict #{conflict_id} does not exist</source>
      <translation>konflikt nr {conflict_id} nie istnieje</translation>
    </message>
    <message>
      <source>conflict #{conflict_id} was already resolved ({side} kept)</source>
      <translation>konflikt nr {conflict_id} został już rozstrzygnięty (zachowano: {side})</translation>
    </message>
    <message>
      <source>conflict #{conflict_id}: the {side} copy is {status} and locked; it cannot be replaced. Keep the {side} copy, or start an amendment of it</source>
      <translation>konflikt nr {conflict_id}: kopia ({side}) ma stan {status} i jest zablokowana; nie można jej zastąpić. Zachowaj kopię ({side}) albo rozpocznij jej korektę</translation>
    </message>
    <message>
      <source>conversation note #{note} does not exist</source>
      <translation>notatka z rozmowy nr {note} nie istnieje</translation>
    </message>
    <message>
      <source>conversation note: the date {noted} is before the period starts ({start})</source>
      <translation>notatka z rozmowy: data {noted} jest wcześniejsza niż początek okresu ({start})</translation>
    </message>
    <message>
      <source>conversation note: the date {noted} is in the future (today is {today})</source>
      <translation>notatka z rozmowy: data {noted} jest w przyszłości (dziś jest {today})</translation>
    </message>
    <message>
      <source>conversation note: write what was said or agreed</source>
      <translation>notatka z rozmowy: wpisz, co powiedziano lub ustalono</translation>
    </message>
    <message>
      <source>criteria {criteria} are not on the sheet {sheet}; choose among {choices}</source>
      <translation>Kryteriów {criteria} nie ma w arkuszu oceny {sheet}; wybierz spośród: {choices}.</translation>
    </message>
    <message>
      <source>criterion {criterion!r} is not chosen for {record}; choose it in step 1</source>
      <translation>Kryterium {criterion!r} nie zostało wybrane w ocenie {record}; wybierz je w kroku 1.</translation>
    </message>
    <message>
      <source>criterion {criterion!r} is not on the sheet {sheet}</source>
      <translation>Kryterium {criterion!r} nie występuje w arkuszu oceny {sheet}.</translation>
    </message>
    <message>
      <source>criterion {criterion}: {level!r} is not a level of the scale of {sheet}</source>
      <translation>Kryterium {criterion}: {level!r} nie jest poziomem skali arkusza oceny {sheet}; wybierz poziom ze skali.</translation>
    </message>
    <message>
      <source>decision date {decided} is before the objection ({filed})</source>
      <translation>Data rozstrzygnięcia {decided} jest wcześniejsza niż data wniesienia sprzeciwu ({filed}). Popraw datę.</translation>
    </message>
    <message>
      <source>decision date {decided} is too late: {rule}</source>
      <translation>Data rozstrzygnięcia {decided} przekracza termin: {rule}</translation>
    </message>
    <message>
      <source>decision: &apos;upheld&apos; or &apos;rejected&apos;</source>
      <translation>Rozstrzygnięcie: wybierz &apos;upheld&apos; (sprzeciw uwzględniony) albo &apos;rejected&apos; (sprzeciw nieuwzględniony).</translation>
    </message>
    <message>
      <source>development action #{action} does not exist</source>
      <translation>Działanie IPRZ nr {action} nie istnieje.</translation>
    </message>
    <message>
      <source>development area #{area} does not exist</source>
      <translation>Obszar rozwoju nr {area} nie istnieje.</translation>
    </message>
    <message>
      <source>development area {area!r}: an action has no kind</source>
      <translation>Obszar rozwoju {area!r}: jedno z działań nie ma rodzaju; wybierz rodzaj działania.</translation>
    </message>
    <message>
      <source>development area: name the area (e.g. &apos;plain language&apos;)</source>
      <translation>Obszar rozwoju: podaj nazwę obszaru (np. &apos;prosty język&apos;).</translation>
    </message>
    <message>
      <source>dispute #{dispute_id} does not exist</source>
      <translation>Zastrzeżenie #{dispute_id} nie istnieje.</translation>
    </message>
    <message>
      <source>dispute #{dispute_id} was already decided ({status})</source>
      <translation>Zastrzeżenie #{dispute_id} zostało już rozpatrzone ({status}).</translation>
    </message>
    <message>
      <source>dispute decision: write the justification</source>
      <translation>Rozstrzygnięcie zastrzeżenia: wpisz uzasadnienie.</translation>
    </message>
    <message>
      <source>dispute: give the unit&apos;s reason</source>
      <translation>Zastrzeżenie: podaj uzasadnienie przedstawione przez komórkę.</translation>
    </message>
    <message>
      <source>dispute: say who raised it (name or unit)</source>
      <translation>Zastrzeżenie: podaj, kto je zgłosił (imię i nazwisko albo komórka).</translation>
    </message>
    <message>
      <source>earlier than the start date</source>
      <translation>wcześniejsza niż data wszczęcia</translation>
    </message>
    <message>
      <source>employee #{employee_id} does not exist</source>
      <translation>Pracownik #{employee_id} nie istnieje. Wybierz pracownika z listy.</translation>
    </message>
    <message>
      <source>employee #{employee_id} does not exist; choose one from the list or none</source>
      <translation>pracownik nr {employee_id} nie istnieje; wybierz pracownika z listy albo pozostaw pole puste</translation>
    </message>
    <message>
      <source>employee #{employee} does not exist</source>
      <translation>Pracownik nr {employee} nie istnieje.</translation>
    </message>
    <message>
      <source>employee #{employee} does not exist.</source>
      <translation>Pracownik nr {employee} nie istnieje.</translation>
    </message>
    <message>
      <source>encryption needs the sqlcipher3 package: install AuditDesk with &apos;pip install auditdesk[encryption]&apos;.</source>
      <translation>Szyfrowanie wymaga pakietu sqlcipher3: zainstaluj AuditDesk poleceniem &apos;pip install auditdesk[encryption]&apos;.</translation>
    </message>
    <message>
      <source>every scenario needs a positive weight</source>
      <translation>Każdy scenariusz musi mieć dodatnią wagę.</translation>
    </message>
    <message>
      <source>evidence #{evidence_id} does not exist</source>
      <translation>Dowód #{evidence_id} nie istnieje.</translation>
    </message>
    <message>
      <source>evidence {file!r} (#{evidence_id}): the stored bytes do not match their SHA-256; restore the database from a backup.</source>
      <translation>Dowód {file!r} (#{evidence_id}): zapisana zawartość pliku nie zgadza się z jego skrótem SHA-256; odtwórz bazę danych z kopii zapasowej.</translation>
    </message>
    <message>
      <source>evidence {file!r} does not match its SHA-256</source>
      <translation>Dowód {file!r} nie zgadza się ze swoim skrótem SHA-256.</translation>
    </message>
    <message>
      <source>evidence {file!r} is above the limit of {limit_mb:.0f} MB</source>
      <translation>dowód {file!r} przekracza limit {limit_mb:.0f} MB</translation>
    </message>
    <message>
      <source>evidence {file!r}: item {item!r} is not in its form</source>
      <translation>dowód {file!r}: pozycji {item!r} nie ma w formularzu tego audytu</translation>
    </message>
    <message>
      <source>export format {format!r} is unknown; use json, csv or xlsx</source>
      <translation>Format eksportu {format!r} jest nieznany; użyj json, csv albo xlsx.</translation>
    </message>
    <message>
      <source>feedback kind: &apos;positive&apos; or &apos;corrective&apos;</source>
      <translation>Rodzaj informacji zwrotnej: wybierz &apos;positive&apos; (pozytywna) albo &apos;corrective&apos; (korygująca).</translation>
    </message>
    <message>
      <source>feedback note: write its topic</source>
      <translation>Notatka z informacją zwrotną: wpisz jej temat.</translation>
    </message>
    <message>
      <source>form version #{version_id} does not exist</source>
      <translation>Wersja arkusza #{version_id} nie istnieje.</translation>
    </message>
    <message>
      <source>form version #{version} does not exist</source>
      <translation>Wersja arkusza nr {version} nie istnieje.</translation>
    </message>
    <message>
      <source>form version #{version} is not a survey form</source>
      <translation>wersja formularza nr {version} nie jest formularzem ankiety</translation>
    </message>
    <message>
      <source>form version #{version} is not an appraisal sheet</source>
      <translation>Wersja formularza nr {version} nie jest arkuszem oceny.</translation>
    </message>
    <message>
      <source>form version {version} is not a checklist</source>
      <translation>Wersja arkusza {version} nie jest arkuszem badania „Tajemniczy Klient”.</translation>
    </message>
    <message>
      <source>form version {version}… ({form}) is unknown here; register that form file in this database first</source>
      <translation>Wersja arkusza {version}… ({form}) nie jest znana w tej bazie danych; najpierw zarejestruj w niej plik tego arkusza.</translation>
    </message>
    <message>
      <source>form version {version}… from {source} does not match its hash</source>
      <translation>wersja formularza {version}… z {source} nie zgadza się ze swoim skrótem</translation>
    </message>
    <message>
      <source>form {form!r} is not registered any more</source>
      <translation>Arkusz {form!r} nie jest już zarejestrowany.</translation>
    </message>
    <message>
      <source>form {form!r} is not registered; choose one of {allowed}</source>
      <translation>Arkusz {form!r} nie jest zarejestrowany; wybierz jeden z: {allowed}.</translation>
    </message>
    <message>
      <source>form {form!r} serves {channels}, not {channel}</source>
      <translation>Arkusz {form!r} służy do kanałów {channels}, nie {channel}.</translation>
    </message>
    <message>
      <source>form {form!r} serves {channels}, not {channel}; choose another form or channel.</source>
      <translation>Arkusz {form!r} obsługuje kanały: {channels}, a nie {channel}; wybierz inny arkusz lub kanał.</translation>
    </message>
    <message>
      <source>give --pdf FILE, --json FILE or both</source>
      <translation>podaj --pdf PLIK, --json PLIK lub oba</translation>
    </message>
    <message>
      <source>give a PDF file, a JSON file or both to write the export to</source>
      <translation>wskaż plik PDF, plik JSON lub oba, do których zapisać eksport</translation>
    </message>
    <message>
      <source>give either a precision target (margin) or a budget of visits, not both or neither</source>
      <translation>Podaj albo wymaganą dokładność, albo budżet wizyt (jedno z dwojga).</translation>
    </message>
    <message>
      <source>give the programme at least one channel with a positive weight</source>
      <translation>Podaj w programie co najmniej jeden kanał z dodatnią wagą.</translation>
    </message>
    <message>
      <source>import cancelled; nothing was imported</source>
      <translation>import przerwano; niczego nie zaimportowano</translation>
    </message>
    <message>
      <source>indicator entry #{entry_id} does not exist</source>
      <translation>wpis rejestru nr {entry_id} nie istnieje</translation>
    </message>
    <message>
      <source>init: name the first administrator with --admin LOGIN or {variable}.</source>
      <translation>init: podaj pierwszego administratora opcją --admin LOGIN lub zmienną {variable}.</translation>
    </message>
    <message>
      <source>it is {status} in the file, but {count} required item(s) are unanswered: {items}; the editor would not complete it</source>
      <translation>w pliku ma status {status}, ale wymagane pozycje bez odpowiedzi ({count}): {items}; edytor nie pozwoliłby go zakończyć</translation>
    </message>
    <message>
      <source>item {item!r} ({text}) does not allow N/A</source>
      <translation>Pytanie {item!r} ({text}) nie dopuszcza odpowiedzi „Nie dotyczy”.</translation>
    </message>
    <message>
      <source>item {item!r} ({text}): {value!r} is not a number ≥ 0</source>
      <translation>Pytanie {item!r} ({text}): {value!r} nie jest liczbą ≥ 0. Podaj liczbę.</translation>
    </message>
    <message>
      <source>item {item!r} ({text}): {value} is outside {low}–{high}; enter a number in that range</source>
      <translation>pozycja {item!r} ({text}): {value} wykracza poza zakres {low}–{high}; wpisz liczbę z tego zakresu</translation>
    </message>
    <message>
      <source>item {item!r} is answered twice or unnamed</source>
      <translation>pozycja {item!r} ma dwie odpowiedzi albo brak jej identyfikatora</translation>
    </message>
    <message>
      <source>item {item!r} is not in this audit&apos;s form</source>
      <translation>Pytania {item!r} nie ma w arkuszu tego audytu.</translation>
    </message>
    <message>
      <source>item {item!r}: the answer {value!r} (N/A {na!r}) is malformed</source>
      <translation>pozycja {item!r}: odpowiedź {value!r} (nie dotyczy: {na!r}) ma zły format</translation>
    </message>
    <message>
      <source>item {item!r}: the comment must be text</source>
      <translation>pozycja {item!r}: komentarz musi być tekstem</translation>
    </message>
    <message>
      <source>item {item!r}: {value!r} is not a date/time (YYYY-MM-DD HH:MM)</source>
      <translation>Pytanie {item!r}: {value!r} nie jest datą i godziną; podaj je w postaci RRRR-MM-DD GG:MM.</translation>
    </message>
    <message>
      <source>item {item!r}: {value!r} is not one of: {allowed}</source>
      <translation>Pytanie {item!r}: {value!r} nie jest dozwoloną odpowiedzią; wybierz jedną z: {allowed}.</translation>
    </message>
    <message>
      <source>its content does not match its SHA-256 (the file was edited or damaged)</source>
      <translation>Jego zawartość nie zgadza się ze skrótem SHA-256 (plik został zmieniony lub uszkodzony).</translation>
    </message>
    <message>
      <source>its stored score {stored} differs from the score of its answers ({computed}) under its form version</source>
      <translation>Zapisany w nim wynik {stored} różni się od wyniku obliczonego z odpowiedzi ({computed}) według jego wersji arkusza.</translation>
    </message>
    <message>
      <source>its uid {uid!r} is not a record identifier</source>
      <translation>jego uid {uid!r} nie jest identyfikatorem rekordu</translation>
    </message>
    <message>
      <source>its version {version!r} is not a counter</source>
      <translation>jego wersja {version!r} nie jest licznikiem</translation>
    </message>
    <message>
      <source>keep {keep!r}: choose office or laptop</source>
      <translation>zachowaj {keep!r}: wybierz office (biuro) albo laptop</translation>
    </message>
    <message>
      <source>kind {kind!r} is not one of: {allowed}</source>
      <translation>rodzaj {kind!r} nie należy do dozwolonych: {allowed}</translation>
    </message>
    <message>
      <source>kind {kind!r} is unknown</source>
      <translation>rodzaj {kind!r} jest nieznany</translation>
    </message>
    <message>
      <source>kind {kind!r}: use one of {kinds}</source>
      <translation>Rodzaj {kind!r} jest nieznany; użyj jednego z: {kinds}.</translation>
    </message>
    <message>
      <source>last period&apos;s result {value} is not a fraction between 0 and 1</source>
      <translation>Wynik z poprzedniego okresu {value} nie jest ułamkiem od 0 do 1.</translation>
    </message>
    <message>
      <source>login {login!r} is already taken; choose another.</source>
      <translation>Login {login!r} jest już zajęty; wybierz inny.</translation>
    </message>
    <message>
      <source>login {login!r}: use letters a–z, digits and . _ - @ only (not {characters!r}).</source>
      <translation>Login {login!r}: użyj wyłącznie liter a–z, cyfr oraz znaków . _ - @ (niedozwolone: {characters!r}).</translation>
    </message>
    <message>
      <source>login: at most 80 characters (got {length}).</source>
      <translation>Login: podaj najwyżej 80 znaków (podano {length}).</translation>
    </message>
    <message>
      <source>login: must not be empty.</source>
      <translation>Login: podaj login; pole nie może być puste.</translation>
    </message>
    <message>
      <source>login: must not contain control or invisible characters (found {characters}); use letters a–z, digits and . _ - @.</source>
      <translation>login: nie może zawierać znaków sterujących ani niewidocznych (znaleziono {characters}); użyj liter a–z, cyfr oraz . _ - @.</translation>
    </message>
    <message>
      <source>mapping {part!r}: write COLUMN=FIELD, e.g. &apos;Data wpływu=received_on&apos;</source>
      <translation>przypisanie {part!r}: zapisz je jako KOLUMNA=POLE, np. &apos;Data wpływu=received_on&apos;</translation>
    </message>
    <message>
      <source>margin {margin} is outside 0–1; give it as a fraction, e.g. 0.1 for ±10 points</source>
      <translation>Dokładność {margin} jest poza zakresem 0–1; podaj ją jako ułamek, np. 0.1 dla ±10 pkt.</translation>
    </message>
    <message>
      <source>method {method!r} is not one of the six; choose one of {allowed}</source>
      <translation>metoda {method!r} nie jest jedną z sześciu; wybierz jedną z: {allowed}</translation>
    </message>
    <message>
      <source>method {method!r} is not one of: {allowed}</source>
      <translation>metoda {method!r} nie należy do dozwolonych: {allowed}</translation>
    </message>
    <message>
      <source>name a campaign or a survey form version for the results</source>
      <translation>aby zestawić wyniki, należy wskazać badanie lub wersję formularza ankiety</translation>
    </message>
    <message>
      <source>name the auditor whose schedule to print: --auditor LOGIN</source>
      <translation>Wskaż audytora, którego harmonogram wydrukować: --auditor LOGIN.</translation>
    </message>
    <message>
      <source>name the office store: a database file or a server address (URL)</source>
      <translation>wskaż bazę biura: plik bazy danych albo adres serwera (URL)</translation>
    </message>
    <message>
      <source>no account with login {login!r}; see &apos;auditdesk users list&apos;.</source>
      <translation>Nie ma konta o loginie {login!r}; sprawdź listę kont poleceniem &apos;auditdesk users list&apos;.</translation>
    </message>
    <message>
      <source>no criterion is rated; rate every chosen criterion first</source>
      <translation>Żadne kryterium nie zostało ocenione; najpierw oceń każde wybrane kryterium.</translation>
    </message>
    <message>
      <source>no employee of this unit has this name or badge</source>
      <translation>Żaden pracownik tej komórki nie ma takiego imienia i nazwiska ani identyfikatora</translation>
    </message>
    <message>
      <source>no method {method!r} in the report</source>
      <translation>raport nie obejmuje metody {method!r}</translation>
    </message>
    <message>
      <source>no new password: set {variable} or run the command in a terminal.</source>
      <translation>Nie podano nowego hasła: ustaw zmienną {variable} albo uruchom polecenie w terminalu.</translation>
    </message>
    <message>
      <source>no passphrase: set {variable} or run in a terminal.</source>
      <translation>Nie podano hasła szyfrowania: ustaw zmienną {variable} albo uruchom polecenie w terminalu.</translation>
    </message>
    <message>
      <source>no password: set {variable} or run the command in a terminal to be asked.</source>
      <translation>Nie podano hasła: ustaw zmienną {variable} albo uruchom polecenie w terminalu, aby program zapytał o hasło.</translation>
    </message>
    <message>
      <source>no registered form serves the channel {channel}</source>
      <translation>Żaden zarejestrowany arkusz nie obsługuje kanału {channel}.</translation>
    </message>
    <message>
      <source>no registered form serves the channel {channel}; register one first</source>
      <translation>Żaden zarejestrowany arkusz nie obsługuje kanału {channel}; najpierw zarejestruj arkusz.</translation>
    </message>
    <message>
      <source>no terminal to ask for the password: use --password-env VAR</source>
      <translation>Brak terminala, w którym można zapytać o hasło: użyj opcji --password-env VAR.</translation>
    </message>
    <message>
      <source>no unit has this code or name</source>
      <translation>Żadna komórka nie ma takiego kodu ani nazwy</translation>
    </message>
    <message>
      <source>no unit has this code or name; correct it, add the unit, or map the name to a unit code in the values of a mapping file</source>
      <translation>żadna komórka nie ma takiego kodu ani nazwy; popraw ją, dodaj komórkę albo przypisz tę nazwę do kodu komórki w wartościach pliku mapowania</translation>
    </message>
    <message>
      <source>no week is left in the period for a replacement of visit #{visit}; the visit stays {status} without one</source>
      <translation>W okresie programu nie został żaden tydzień na wizytę zastępczą za wizytę #{visit}; wizyta pozostaje oznaczona ({status}) bez zastępstwa.</translation>
    </message>
    <message>
      <source>not a JSON object</source>
      <translation>To nie jest obiekt JSON.</translation>
    </message>
    <message>
      <source>not a case sign like WO-I.5310.12.2025 (and no unit)</source>
      <translation>to nie jest znak sprawy w rodzaju WO-I.5310.12.2025 (a komórki nie podano)</translation>
    </message>
    <message>
      <source>not a date (dd.mm.yyyy or YYYY-MM-DD)</source>
      <translation>to nie jest data (dd.mm.rrrr lub RRRR-MM-DD)</translation>
    </message>
    <message>
      <source>not a whole number of days</source>
      <translation>to nie jest liczba całkowita dni</translation>
    </message>
    <message>
      <source>not one of: {allowed}</source>
      <translation>wartość spoza dozwolonych: {allowed}</translation>
    </message>
    <message>
      <source>not yes/no (tak/nie)</source>
      <translation>wartość inna niż tak/nie</translation>
    </message>
    <message>
      <source>objection date {filed} is before the appraisal was read ({read})</source>
      <translation>Data sprzeciwu {filed} jest wcześniejsza niż data zapoznania się z oceną ({read}). Popraw datę.</translation>
    </message>
    <message>
      <source>objection date {filed} is too late: {rule}</source>
      <translation>Data sprzeciwu {filed} przekracza termin: {rule}</translation>
    </message>
    <message>
      <source>objection: write the employee&apos;s reason</source>
      <translation>Sprzeciw: wpisz uzasadnienie pracownika.</translation>
    </message>
    <message>
      <source>only the unit&apos;s manager or HR accepts or returns a plan</source>
      <translation>Plan zatwierdza lub zwraca tylko kierownik komórki albo dział kadr.</translation>
    </message>
    <message>
      <source>opening hours are empty; give e.g. &apos;mon-fri 08:00-16:00&apos;</source>
      <translation>Nie podano godzin przyjęć; wpisz np. „mon-fri 08:00-16:00”.</translation>
    </message>
    <message>
      <source>opening hours {part!r} are not like &apos;mon-fri 08:00-16:00&apos;; separate days with &apos;;&apos;</source>
      <translation>Godziny przyjęć {part!r} nie mają postaci „mon-fri 08:00-16:00”; kolejne dni oddziel znakiem „;”.</translation>
    </message>
    <message>
      <source>opening hours {part!r}: the days or the times run backwards</source>
      <translation>Godziny przyjęć {part!r}: dni albo godziny są podane w odwrotnej kolejności.</translation>
    </message>
    <message>
      <source>opening hours {part!r}: unknown day or time; days are mon…sun, times hh:mm</source>
      <translation>Godziny przyjęć {part!r}: nieznany dzień lub godzina; dni to mon…sun, godziny w postaci gg:mm.</translation>
    </message>
    <message>
      <source>outcome {outcome!r} is not one of: {allowed}</source>
      <translation>sposób załatwienia {outcome!r} nie należy do dozwolonych: {allowed}</translation>
    </message>
    <message>
      <source>participants: give a number of people, 0 or more</source>
      <translation>liczba uczestników: podaj liczbę osób, 0 lub więcej</translation>
    </message>
    <message>
      <source>passphrase: at least {minimum} characters are needed (got {length}); it protects the whole file if the laptop is lost.</source>
      <translation>Hasło szyfrowania: potrzeba co najmniej {minimum} znaków (podano {length}); chroni ono cały plik w razie utraty laptopa.</translation>
    </message>
    <message>
      <source>password: at least {minimum} characters are needed (got {length}); a short sentence is easier to remember than symbols.</source>
      <translation>Hasło: potrzeba co najmniej {minimum} znaków (podano {length}); krótkie zdanie łatwiej zapamiętać niż ciąg symboli.</translation>
    </message>
    <message>
      <source>password: must not begin or end with a space.</source>
      <translation>Hasło nie może zaczynać się ani kończyć spacją; usuń spacje z początku i końca.</translation>
    </message>
    <message>
      <source>password: must not contain control or invisible characters (found {characters}); use letters, digits, punctuation and spaces.</source>
      <translation>hasło: nie może zawierać znaków sterujących ani niewidocznych (znaleziono {characters}); użyj liter, cyfr, znaków interpunkcyjnych i spacji.</translation>
    </message>
    <message>
      <source>planned visit #{visit} does not exist</source>
      <translation>Zaplanowana wizyta #{visit} nie istnieje.</translation>
    </message>
    <message>
      <source>planned visit #{visit} is already {status}</source>
      <translation>Zaplanowana wizyta #{visit} ma już stan {status}.</translation>
    </message>
    <message>
      <source>planned visit #{visit} is the office&apos;s, copied to this laptop: report it missed or cancelled at the office (HR replaces it there); here it can only be started</source>
      <translation>zaplanowana wizyta nr {visit} należy do planu biura i jest tu tylko kopią: zgłoś ją jako nieodbytą lub odwołaną w biurze (tam kadry ją zastąpią); na laptopie można ją tylko rozpocząć</translation>
    </message>
    <message>
      <source>planned visit #{visit} is {status}, not planned; it cannot be started</source>
      <translation>Wizyta #{visit} ma stan {status}, a nie „zaplanowana”; nie można jej rozpocząć.</translation>
    </message>
    <message>
      <source>planning value {p} must lie strictly between 0 and 1</source>
      <translation>Wartość planistyczna {p} musi leżeć między 0 a 1 (bez końców).</translation>
    </message>
    <message>
      <source>programme #{programme} does not exist</source>
      <translation>Program #{programme} nie istnieje.</translation>
    </message>
    <message>
      <source>programme #{programme} has no schedule yet; schedule it first</source>
      <translation>Program #{programme} nie ma jeszcze harmonogramu; najpierw go zaplanuj.</translation>
    </message>
    <message>
      <source>question {question}: the answer {value!r} is not allowed ({allowed})</source>
      <translation>pytanie {question}: odpowiedź {value!r} jest niedopuszczalna (dopuszczalne: {allowed})</translation>
    </message>
    <message>
      <source>questionnaire no. {number} is already entered in this campaign</source>
      <translation>ankieta nr {number} została już wprowadzona w tym badaniu</translation>
    </message>
    <message>
      <source>read on {read} is before the appraisal was made ({made})</source>
      <translation>Data zapoznania się z oceną {read} jest wcześniejsza niż data sporządzenia oceny ({made}). Popraw datę.</translation>
    </message>
    <message>
      <source>reference number {reference!r} is longer than 60 characters</source>
      <translation>znak sprawy {reference!r} jest dłuższy niż 60 znaków</translation>
    </message>
    <message>
      <source>reference number {reference} is already in the register; give another one</source>
      <translation>znak sprawy {reference} jest już w rejestrze; podaj inny</translation>
    </message>
    <message>
      <source>reference number: give the register&apos;s reference number</source>
      <translation>znak sprawy: podaj numer z rejestru skarg i wniosków</translation>
    </message>
    <message>
      <source>required question {question} is not answered</source>
      <translation>brak odpowiedzi na pytanie obowiązkowe {question}</translation>
    </message>
    <message>
      <source>required question(s) not answered: {questions}</source>
      <translation>brak odpowiedzi na pytania obowiązkowe: {questions}</translation>
    </message>
    <message>
      <source>research action #{action_id} does not exist</source>
      <translation>działanie nr {action_id} nie istnieje</translation>
    </message>
    <message>
      <source>research note #{note_id} does not exist</source>
      <translation>notatka z badania nr {note_id} nie istnieje</translation>
    </message>
    <message>
      <source>retention of {record_type}: the end action {action} is not allowed; use one of {allowed}</source>
      <translation>okres przechowywania {record_type}: działanie na koniec {action} jest niedozwolone; użyj jednego z: {allowed}</translation>
    </message>
    <message>
      <source>retention of {record_type}: {months} months is out of range; give 1 to {most}</source>
      <translation>okres przechowywania {record_type}: {months} mies. to wartość spoza zakresu; podaj od 1 do {most}</translation>
    </message>
    <message>
      <source>role {role!r}: a {kind} has signature blocks for {roles}</source>
      <translation>Rola {role!r}: protokół tego rodzaju ({kind}) ma pola podpisu tylko dla ról: {roles}.</translation>
    </message>
    <message>
      <source>say why the plan is returned</source>
      <translation>Podaj, dlaczego plan jest zwracany.</translation>
    </message>
    <message>
      <source>say why the visit was {status}; the reason is required</source>
      <translation>Podaj, dlaczego wizyta jest {status}; powód jest wymagany.</translation>
    </message>
    <message>
      <source>scenario codes must be unique within the programme</source>
      <translation>Kody scenariuszy muszą być w programie niepowtarzalne.</translation>
    </message>
    <message>
      <source>scenario {code}: channel {channel} is not one of the programme&apos;s</source>
      <translation>Scenariusz {code}: kanał {channel} nie należy do kanałów programu.</translation>
    </message>
    <message>
      <source>scenario {code}: the weight must be positive</source>
      <translation>Scenariusz {code}: waga musi być dodatnia.</translation>
    </message>
    <message>
      <source>scenario: fill in {fields} before starting</source>
      <translation>Scenariusz: przed rozpoczęciem uzupełnij pola {fields}.</translation>
    </message>
    <message>
      <source>sheet {sheet}: choose {low}–{high} additional criteria (chosen: {chosen})</source>
      <translation>Arkusz oceny {sheet}: wybierz od {low} do {high} kryteriów dodatkowych (wybrano: {chosen}).</translation>
    </message>
    <message>
      <source>source {source!r} is not one of: {allowed}</source>
      <translation>źródło {source!r} nie jest jednym z: {allowed}</translation>
    </message>
    <message>
      <source>status {status!r} is not a visit status; choose one of {allowed}</source>
      <translation>{status!r} nie jest stanem wizyty; wybierz jeden z: {allowed}.</translation>
    </message>
    <message>
      <source>status {status!r} is not an action status; choose one of {allowed}</source>
      <translation>{status!r} nie jest statusem działania; wybierz jeden z: {allowed}</translation>
    </message>
    <message>
      <source>status {status!r} is unknown</source>
      <translation>Status {status!r} jest nieznany.</translation>
    </message>
    <message>
      <source>survey campaign #{campaign} does not exist</source>
      <translation>badanie ankietowe nr {campaign} nie istnieje</translation>
    </message>
    <message>
      <source>survey form version #{version} does not exist</source>
      <translation>wersja formularza ankiety nr {version} nie istnieje</translation>
    </message>
    <message>
      <source>survey response #{response} does not exist</source>
      <translation>ankieta nr {response} nie istnieje</translation>
    </message>
    <message>
      <source>sync: name the office store with --office URL</source>
      <translation>sync: wskaż bazę urzędu opcją --office URL</translation>
    </message>
    <message>
      <source>sync: sign in at the office with --user LOGIN (the password is asked for, or taken from {variable})</source>
      <translation>sync: zaloguj się w bazie urzędu opcją --user LOGIN (hasło zostanie zapytane albo pobrane z {variable})</translation>
    </message>
    <message>
      <source>the action&apos;s {field} is empty; write it</source>
      <translation>pole działania „{field}” jest puste; uzupełnij je</translation>
    </message>
    <message>
      <source>the action&apos;s {field} is longer than {limit} characters</source>
      <translation>pole działania „{field}” jest dłuższe niż {limit} znaków</translation>
    </message>
    <message>
      <source>the audited unit and HR write the action plan, not the auditor</source>
      <translation>Plan działań naprawczych przygotowują badana komórka i dział kadr, a nie audytor.</translation>
    </message>
    <message>
      <source>the campaign ends ({end}) before it starts ({start})</source>
      <translation>data zakończenia badania ({end}) jest wcześniejsza niż data rozpoczęcia ({start})</translation>
    </message>
    <message>
      <source>the case sign is empty</source>
      <translation>brak znaku sprawy</translation>
    </message>
    <message>
      <source>the category word {word!r} already has a meaning in the Code; choose another</source>
      <translation>słowo kategorii {word!r} ma już znaczenie w k.p.a.; wybierz inne</translation>
    </message>
    <message>
      <source>the conversation date {conversation} is before the period starts ({start})</source>
      <translation>Data rozmowy oceniającej {conversation} jest wcześniejsza niż początek okresu oceny ({start}). Popraw datę.</translation>
    </message>
    <message>
      <source>the date {value} is outside the campaign period {start} – {end}</source>
      <translation>data {value} wykracza poza okres badania {start} – {end}</translation>
    </message>
    <message>
      <source>the drawn signature must be a PNG image</source>
      <translation>Odręczny podpis musi być obrazem PNG.</translation>
    </message>
    <message>
      <source>the end of employment {day} is in the future; record it once it has happened</source>
      <translation>koniec zatrudnienia {day} jest w przyszłości; zapisz go, gdy nastąpi</translation>
    </message>
    <message>
      <source>the form definition carried for {version}… does not match its hash</source>
      <translation>Dołączona definicja arkusza {version}… nie zgadza się ze swoim skrótem.</translation>
    </message>
    <message>
      <source>the form {form} has no question(s) {questions}</source>
      <translation>formularz {form} nie zawiera pytań: {questions}</translation>
    </message>
    <message>
      <source>the office store and the laptop are the same database</source>
      <translation>baza urzędu i baza laptopa to ta sama baza</translation>
    </message>
    <message>
      <source>the office store holds units but no office</source>
      <translation>baza urzędu ma komórki, ale nie ma urzędu</translation>
    </message>
    <message>
      <source>the period ends ({end}) before it starts ({start})</source>
      <translation>Okres oceny kończy się ({end}) przed swoim początkiem ({start}). Popraw daty.</translation>
    </message>
    <message>
      <source>the plan has begun ({count} visits done, missed or cancelled); replace single visits instead of planning it again</source>
      <translation>Realizacja planu już się zaczęła (wizyt wykonanych, nieodbytych lub odwołanych: {count}); zastępuj pojedyncze wizyty zamiast planować wszystko od nowa.</translation>
    </message>
    <message>
      <source>the plan is {status}; only a submitted plan is decided</source>
      <translation>Plan ma stan „{status}”; decyzję podejmuje się tylko w sprawie planu przekazanego kierownikowi.</translation>
    </message>
    <message>
      <source>the plan waits for the manager&apos;s decision; it cannot change now</source>
      <translation>Plan czeka na decyzję kierownika; teraz nie można go zmienić.</translation>
    </message>
    <message>
      <source>the programme has no units; add at least one</source>
      <translation>Program nie obejmuje żadnej komórki; dodaj co najmniej jedną.</translation>
    </message>
    <message>
      <source>the programme&apos;s name is empty or longer than {limit} characters</source>
      <translation>Nazwa programu jest pusta albo dłuższa niż {limit} znaków.</translation>
    </message>
    <message>
      <source>the reason is longer than {limit} characters</source>
      <translation>Powód jest dłuższy niż {limit} znaków.</translation>
    </message>
    <message>
      <source>the same case sign as line {first}</source>
      <translation>ten sam znak sprawy co w wierszu {first}</translation>
    </message>
    <message>
      <source>the same reference number is on line {first}</source>
      <translation>ten sam znak sprawy jest już w wierszu {first}</translation>
    </message>
    <message>
      <source>the scenario must be an object of texts</source>
      <translation>scenariusz musi być obiektem z wartościami tekstowymi</translation>
    </message>
    <message>
      <source>the start date is empty</source>
      <translation>brak daty wszczęcia</translation>
    </message>
    <message>
      <source>the system account has no password; sign in as a user.</source>
      <translation>Konto systemowe nie ma hasła; zaloguj się jako użytkownik.</translation>
    </message>
    <message>
      <source>the token refused to sign ({detail}); check that the key is meant for signing, or use another key</source>
      <translation>token odmówił złożenia podpisu ({detail}); sprawdź, czy klucz służy do podpisywania, albo użyj innego klucza</translation>
    </message>
    <message>
      <source>the two passphrases differ; nothing was written.</source>
      <translation>Podane hasła szyfrowania różnią się; niczego nie zapisano.</translation>
    </message>
    <message>
      <source>the two passwords differ; nothing was changed.</source>
      <translation>Podane hasła różnią się; niczego nie zmieniono.</translation>
    </message>
    <message>
      <source>the two passwords differ; nothing was written</source>
      <translation>Podane hasła różnią się; niczego nie zapisano.</translation>
    </message>
    <message>
      <source>there is no column mapping named {name!r}; use --mapping auto or map the columns in the window first.</source>
      <translation>Nie ma przyporządkowania kolumn o nazwie {name!r}; użyj --mapping auto albo najpierw przyporządkuj kolumny w oknie programu.</translation>
    </message>
    <message>
      <source>this key cannot sign the protocol ({detail}); use a certificate with an RSA, EC (ECDSA) or Ed25519 key</source>
      <translation>tym kluczem nie można podpisać protokołu ({detail}); użyj certyfikatu z kluczem RSA, EC (ECDSA) lub Ed25519</translation>
    </message>
    <message>
      <source>this laptop has not exchanged with an office yet: import the office&apos;s package (or synchronise) first</source>
      <translation>ten laptop nie wymieniał jeszcze danych z urzędem: najpierw zaimportuj paczkę z urzędu (albo zsynchronizuj)</translation>
    </message>
    <message>
      <source>time-stamp server {url}: {detail}. Check the address in the settings, or clear it to sign at level B-B without a time stamp.</source>
      <translation>serwer znacznika czasu {url}: {detail}. Sprawdź adres w ustawieniach albo usuń go, aby podpisać na poziomie B-B bez znacznika czasu.</translation>
    </message>
    <message>
      <source>token {token!r} in {module}: cannot open it ({detail})</source>
      <translation>token {token!r} w {module}: nie można go otworzyć ({detail})</translation>
    </message>
    <message>
      <source>token {token!r}: key {key!r} is of a kind AuditDesk cannot sign with ({kind}); use an RSA, EC (ECDSA) or Ed25519 key</source>
      <translation>token {token!r}: klucz {key!r} jest rodzaju, którym AuditDesk nie umie podpisywać ({kind}); użyj klucza RSA, EC (ECDSA) lub Ed25519</translation>
    </message>
    <message>
      <source>token {token!r}: key {key!r} is {kind}, but the token offers no {mechanism} mechanism to sign with it; use another key or token</source>
      <translation>token {token!r}: klucz {key!r} jest typu {kind}, ale token nie udostępnia mechanizmu {mechanism}, by nim podpisać; użyj innego klucza lub tokenu</translation>
    </message>
    <message>
      <source>token {token!r}: no key and certificate labelled {key!r} ({detail})</source>
      <translation>token {token!r}: brak klucza i certyfikatu o etykiecie {key!r} ({detail})</translation>
    </message>
    <message>
      <source>token {token!r}: the PIN is locked; unblock it with the card&apos;s PUK first</source>
      <translation>token {token!r}: PIN jest zablokowany; najpierw odblokuj go kodem PUK karty</translation>
    </message>
    <message>
      <source>token {token!r}: wrong PIN; try again (careful: after a few wrong PINs the card locks)</source>
      <translation>token {token!r}: błędny PIN; spróbuj ponownie (uwaga: po kilku błędnych próbach karta zostanie zablokowana)</translation>
    </message>
    <message>
      <source>too early for the follow-up appraisal: {rule}</source>
      <translation>Za wcześnie na kolejną ocenę po ocenie negatywnej: {rule}</translation>
    </message>
    <message>
      <source>topic: say what the research was about</source>
      <translation>temat: napisz, czego dotyczyło badanie</translation>
    </message>
    <message>
      <source>traffic {population} must be at least 1</source>
      <translation>Liczba klientów {population} musi wynosić co najmniej 1.</translation>
    </message>
    <message>
      <source>unit #{unit_id} does not exist</source>
      <translation>komórka nr {unit_id} nie istnieje</translation>
    </message>
    <message>
      <source>unit #{unit_id} does not exist; choose a unit from the list</source>
      <translation>Komórka #{unit_id} nie istnieje; wybierz komórkę z listy.</translation>
    </message>
    <message>
      <source>unit #{unit} does not exist</source>
      <translation>komórka nr {unit} nie istnieje</translation>
    </message>
    <message>
      <source>unit {code} does not exist</source>
      <translation>komórka {code} nie istnieje</translation>
    </message>
    <message>
      <source>unit {unit!r} does not exist in this database</source>
      <translation>Komórka {unit!r} nie istnieje w tej bazie danych.</translation>
    </message>
    <message>
      <source>unit {unit} has no figures in the period or is not yours to see</source>
      <translation>komórka {unit} nie ma danych w tym okresie albo nie masz do niej wglądu</translation>
    </message>
    <message>
      <source>unknown category (bez zwłoki, 1 miesiąc, 2 miesiące, odwołanie, skarga, szczególny)</source>
      <translation>nieznana kategoria (bez zwłoki, 1 miesiąc, 2 miesiące, odwołanie, skarga, szczególny)</translation>
    </message>
    <message>
      <source>unknown record type {record_type}; use one of {known}</source>
      <translation>nieznany rodzaj zapisu {record_type}; użyj jednego z: {known}</translation>
    </message>
    <message>
      <source>unknown request {kind}; use one of {known}</source>
      <translation>nieznane żądanie {kind}; użyj jednego z: {known}</translation>
    </message>
    <message>
      <source>user #{user} does not exist</source>
      <translation>Użytkownik #{user} nie istnieje.</translation>
    </message>
    <message>
      <source>user #{user} does not exist (it may have been removed); reload.</source>
      <translation>Użytkownik nr {user} nie istnieje (mógł zostać usunięty); odśwież listę.</translation>
    </message>
    <message>
      <source>user #{user} is not an active auditor; choose auditors only</source>
      <translation>Użytkownik #{user} nie jest aktywnym audytorem; wybieraj tylko audytorów.</translation>
    </message>
    <message>
      <source>without delay: {days} days is outside 1 to {most}</source>
      <translation>bez zwłoki: {days} dni to poza zakresem od 1 do {most}</translation>
    </message>
    <message>
      <source>write tak or nie</source>
      <translation>wpisz „tak” albo „nie”</translation>
    </message>
    <message>
      <source>{backup}: this is the database itself, not a backup.</source>
      <translation>{backup}: to jest sama baza danych, a nie kopia zapasowa; wybierz plik kopii zapasowej.</translation>
    </message>
    <message>
      <source>{count} employees match {text}; give the number, badge or login</source>
      <translation>{count} pracowników pasuje do „{text}”; podaj numer, identyfikator lub login</translation>
    </message>
    <message>
      <source>{database}: an administrator already exists; sign in as the administrator to add users.</source>
      <translation>{database}: administrator już istnieje; zaloguj się jako administrator, aby dodać użytkowników.</translation>
    </message>
    <message>
      <source>{database}: an administrator already exists; use &apos;auditdesk --user ADMIN users add …&apos; instead.</source>
      <translation>{database}: administrator już istnieje; zamiast tego użyj polecenia &apos;auditdesk --user ADMIN users add …&apos;.</translation>
    </message>
    <message>
      <source>{database}: backups here are for SQLite files; back up a server database with its own tools (for PostgreSQL, pg_dump).</source>
      <translation>{database}: kopie zapasowe w programie dotyczą tylko plików SQLite; kopię bazy serwerowej wykonaj jej własnymi narzędziami (dla PostgreSQL: pg_dump).</translation>
    </message>
    <message>
      <source>{database}: cannot use the database ({detail}).</source>
      <translation>{database}: nie można korzystać z bazy danych ({detail}).</translation>
    </message>
    <message>
      <source>{database}: no password given; nothing was opened.</source>
      <translation>{database}: nie podano hasła; niczego nie otwarto.</translation>
    </message>
    <message>
      <source>{database}: online backup is for SQLite files; back up a server database with its own tools (for PostgreSQL, pg_dump).</source>
      <translation>{database}: kopię zapasową w trakcie pracy można wykonać tylko dla plików SQLite; kopię bazy danych na serwerze wykonaj jej własnymi narzędziami (dla PostgreSQL: pg_dump).</translation>
    </message>
    <message>
      <source>{database}: only SQLite files can be encrypted.</source>
      <translation>{database}: zaszyfrować można tylko plik SQLite.</translation>
    </message>
    <message>
      <source>{database}: the database file or its folder is read-only. The last change was NOT saved. Make it writable, or work on a copy.</source>
      <translation>{database}: plik bazy danych lub jego folder jest tylko do odczytu. Ostatnia zmiana NIE została zapisana. Nadaj prawo zapisu albo pracuj na kopii.</translation>
    </message>
    <message>
      <source>{database}: the database is damaged ({detail}). What you were doing was not done and nothing half-written was kept. Restore the latest backup (Administration → backups, or &apos;auditdesk backups list&apos;).</source>
      <translation>{database}: baza danych jest uszkodzona ({detail}). Ostatnia czynność nie została wykonana i nic nie zapisano w połowie. Odtwórz najnowszą kopię zapasową (Administracja → kopie zapasowe albo &apos;auditdesk backups list&apos;).</translation>
    </message>
    <message>
      <source>{database}: the disk is full. The last change was NOT saved (nothing half-written was kept). Free some disk space and do it again.</source>
      <translation>{database}: dysk jest pełny. Ostatnia zmiana NIE została zapisana (nie zachowano niczego zapisanego częściowo). Zwolnij miejsce na dysku i wykonaj ją ponownie.</translation>
    </message>
    <message>
      <source>{database}: the office store has an older schema ({schema}) than this AuditDesk. Nothing was changed. The administrator upgrades it with &apos;auditdesk --db {database} init&apos;, which backs it up first.</source>
      <translation>{database}: baza urzędu ma starszy schemat ({schema}) niż ten AuditDesk. Nic nie zostało zmienione. Administrator aktualizuje ją poleceniem &apos;auditdesk --db {database} init&apos;, które najpierw robi kopię zapasową.</translation>
    </message>
    <message>
      <source>{database}: the server refused the password from {source}; nothing was opened. Correct it there, or check it with the server&apos;s administrator.</source>
      <translation>{database}: serwer odrzucił hasło z {source}; niczego nie otwarto. Popraw je tam albo sprawdź je u administratora serwera.</translation>
    </message>
    <message>
      <source>{database}: the server refused the password; nothing was opened. Check the password with the server&apos;s administrator.</source>
      <translation>{database}: serwer odrzucił hasło; niczego nie otwarto. Sprawdź hasło u administratora serwera.</translation>
    </message>
    <message>
      <source>{database}: the server wants a password; set {variable}, keep it in ~/.pgpass, or run the command in a terminal to be asked.</source>
      <translation>{database}: serwer wymaga hasła; ustaw {variable}, zapisz je w ~/.pgpass albo uruchom polecenie w terminalu, aby o nie zapytał.</translation>
    </message>
    <message>
      <source>{database}: this database has user accounts; sign in with --user NAME (the password is asked for, or taken from {variable}).</source>
      <translation>{database}: ta baza ma konta użytkowników; zaloguj się opcją --user NAZWA (program zapyta o hasło albo pobierze je ze zmiennej {variable}).</translation>
    </message>
    <message>
      <source>{database}: this database holds tables but no AuditDesk schema version; it is not an AuditDesk database. Nothing was changed. Choose another file with --db.</source>
      <translation>{database}: ta baza danych zawiera tabele, ale nie ma wersji schematu AuditDesk; nie jest to baza danych AuditDesk. Niczego nie zmieniono. Wybierz inny plik za pomocą --db.</translation>
    </message>
    <message>
      <source>{database}: this database was written by a newer AuditDesk (schema {schema}). Nothing was changed. Update AuditDesk to open it.</source>
      <translation>{database}: tę bazę danych zapisała nowsza wersja AuditDesk (schemat {schema}). Niczego nie zmieniono. Zaktualizuj AuditDesk, aby ją otworzyć.</translation>
    </message>
    <message>
      <source>{database}: this server database holds no AuditDesk office yet. Nothing was changed. The administrator sets it up with &apos;auditdesk --db {database} init&apos; (docs/office-server.md).</source>
      <translation>{database}: ta baza na serwerze nie zawiera jeszcze urzędu AuditDesk. Nic nie zostało zmienione. Administrator zakłada ją poleceniem &apos;auditdesk --db {database} init&apos; (docs/office-server.md).</translation>
    </message>
    <message>
      <source>{employee} already has appraisal {record} in progress; finish it first</source>
      <translation>Pracownik {employee} ma już ocenę {record} w toku; najpierw ją zakończ.</translation>
    </message>
    <message>
      <source>{employee} has no direct superior recorded; set the supervisor first</source>
      <translation>Pracownik {employee} nie ma zapisanego bezpośredniego przełożonego; najpierw wskaż przełożonego.</translation>
    </message>
    <message>
      <source>{entity} #{record} was changed by {user} at {at:%Y-%m-%d %H:%M:%S} UTC since you opened it; reload it and make your change again.</source>
      <translation>Rekord „{entity}” nr {record} został zmieniony przez użytkownika {user} o {at:%Y-%m-%d %H:%M:%S} UTC, odkąd go otwarto; wczytaj go ponownie i wprowadź zmianę jeszcze raz.</translation>
    </message>
    <message>
      <source>{entity} #{record} was changed elsewhere since you opened it; reload it and make your change again.</source>
      <translation>Rekord „{entity}” nr {record} został zmieniony w innym miejscu, odkąd go otwarto; wczytaj go ponownie i wprowadź zmianę jeszcze raz.</translation>
    </message>
    <message>
      <source>{field} must be a date and time, not {value!r}</source>
      <translation>{field} musi być datą i godziną, a nie {value!r}</translation>
    </message>
    <message>
      <source>{field} must be text, not {value!r}</source>
      <translation>{field} musi być tekstem, a nie {value!r}</translation>
    </message>
    <message>
      <source>{file}: a mapping file holds columns {{header: field}}, ignore [header, …] and values {{field: {{word: value}}}}</source>
      <translation>{file}: plik mapowania zawiera columns {{nagłówek: pole}}, ignore [nagłówek, …] i values {{pole: {{słowo: wartość}}}}</translation>
    </message>
    <message>
      <source>{file}: cannot be read ({detail}); check the path.</source>
      <translation>Nie można odczytać pliku {file} ({detail}); sprawdź ścieżkę.</translation>
    </message>
    <message>
      <source>{file}: column(s) not mapped that hold data and are named like a field: {columns}. Nothing was imported: map each (--map &apos;{first}=FIELD&apos;) or leave it out on purpose (--map &apos;{first}=&apos;)</source>
      <translation>{file}: nieprzypisane kolumny z danymi, nazwane jak pole: {columns}. Niczego nie zaimportowano: przypisz każdą (--map &apos;{first}=POLE&apos;) albo świadomie ją pomiń (--map &apos;{first}=&apos;)</translation>
    </message>
    <message>
      <source>{file}: field {field!r} is mapped to column {index}, which the file does not have; map the columns again</source>
      <translation>{file}: pole {field!r} przypisano do kolumny {index}, której w pliku nie ma; przypisz kolumny jeszcze raz</translation>
    </message>
    <message>
      <source>{file}: larger than the limit of {limit_mb:.0f} MB; shrink the file or raise the limit in Settings.</source>
      <translation>{file}: plik przekracza limit {limit_mb:.0f} MB; zmniejsz plik albo zwiększ limit w Ustawieniach.</translation>
    </message>
    <message>
      <source>{file}: line {line} cannot be read as CSV ({detail}); export the register again as CSV or XLSX</source>
      <translation>{file}: wiersza {line} nie da się odczytać jako CSV ({detail}); wyeksportuj rejestr ponownie do CSV albo XLSX</translation>
    </message>
    <message>
      <source>{file}: line {line} contains a NUL byte (a zero byte, which no CSV export holds): the file is probably not a text export; save it as CSV UTF-8 or XLSX</source>
      <translation>{file}: wiersz {line} zawiera bajt NUL (bajt zerowy, którego nie ma w żadnym eksporcie CSV): to zapewne nie jest eksport tekstowy; zapisz plik jako CSV UTF-8 albo XLSX</translation>
    </message>
    <message>
      <source>{file}: line {line} has {count:,} columns, more than the limit of {limit:,}; leave out the columns not needed and export the register again; nothing was read</source>
      <translation>{file}: wiersz {line} ma {count:,} kolumn, ponad limit {limit:,}; pomiń niepotrzebne kolumny i wyeksportuj rejestr ponownie; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{file}: line {line}, column {column}: a value of {length:,} characters is longer than the limit of {limit:,}; shorten it or leave the column out of the export; nothing was read</source>
      <translation>{file}: wiersz {line}, kolumna {column}: wartość ma {length:,} znaków, ponad limit {limit:,}; skróć ją albo pomiń tę kolumnę w eksporcie; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{file}: more rows than the limit of {limit:,}; split the register into files of at most {limit:,} rows and import them one by one; nothing was read</source>
      <translation>{file}: więcej wierszy, niż pozwala limit {limit:,}; podziel rejestr na pliki po najwyżej {limit:,} wierszy i zaimportuj je po kolei; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{file}: more than one column is mapped to {fields}; map each field once</source>
      <translation>{file}: do pola {fields} przypisano więcej niż jedną kolumnę; przypisz każde pole tylko raz</translation>
    </message>
    <message>
      <source>{file}: no column is mapped to a question</source>
      <translation>{file}: żadna kolumna nie została przypisana do pytania</translation>
    </message>
    <message>
      <source>{file}: no column is mapped to {fields}; map them and try again</source>
      <translation>{file}: żadnej kolumny nie przypisano do pola {fields}; przypisz je i spróbuj ponownie</translation>
    </message>
    <message>
      <source>{file}: not a JSON mapping ({reason})</source>
      <translation>{file}: nie jest przypisaniem kolumn w formacie JSON ({reason})</translation>
    </message>
    <message>
      <source>{file}: not a JSON mapping file (an object is expected)</source>
      <translation>{file}: to nie jest plik mapowania JSON (oczekiwano obiektu)</translation>
    </message>
    <message>
      <source>{file}: not a JSON mapping file ({reason})</source>
      <translation>{file}: to nie jest plik mapowania JSON ({reason})</translation>
    </message>
    <message>
      <source>{file}: not a readable XLSX workbook ({detail}).</source>
      <translation>{file}: to nie jest czytelny skoroszyt XLSX ({detail}).</translation>
    </message>
    <message>
      <source>{file}: not a text file in UTF-8 or Windows-1250; export the register as CSV or XLSX</source>
      <translation>{file}: to nie jest plik tekstowy w kodowaniu UTF-8 ani Windows-1250; wyeksportuj rejestr do formatu CSV lub XLSX</translation>
    </message>
    <message>
      <source>{file}: row {line} reaches column {count:,}, beyond the limit of {limit:,} columns; delete the columns after the data (empty but formatted ones too) or leave out the columns not needed; nothing was read</source>
      <translation>{file}: wiersz {line} sięga kolumny {count:,}, ponad limit {limit:,} kolumn; usuń kolumny za danymi (także puste, ale sformatowane) albo pomiń niepotrzebne kolumny; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{file}: row {line}, column {column}: a value of {length:,} characters is longer than the limit of {limit:,}; shorten it or leave the column out; nothing was read</source>
      <translation>{file}: wiersz {line}, kolumna {column}: wartość ma {length:,} znaków, ponad limit {limit:,}; skróć ją albo pomiń tę kolumnę; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{file}: the file is empty</source>
      <translation>{file}: plik jest pusty</translation>
    </message>
    <message>
      <source>{file}: the file is larger than the limit of {limit} for a register; split it into smaller files and import them one by one; nothing was read</source>
      <translation>{file}: plik jest większy niż limit {limit} dla rejestru; podziel go na mniejsze pliki i zaimportuj je po kolei; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{file}: the file is {size}, above the limit of {limit} for a register; split it into smaller files and import them one by one; nothing was read</source>
      <translation>{file}: plik ma {size}, ponad limit {limit} dla rejestru; podziel go na mniejsze pliki i zaimportuj je po kolei; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{file}: the header lacks the columns {columns}; export a plan to see the layout</source>
      <translation>{file}: w nagłówku brakuje kolumn {columns}; wyeksportuj plan, aby zobaczyć układ arkusza.</translation>
    </message>
    <message>
      <source>{file}: the import would store a reference to a row of {parent} that does not exist ({where}); it may have been deleted while the file was imported. Nothing was imported; import the file again.</source>
      <translation>{file}: import zapisałby odwołanie do nieistniejącego wiersza tabeli {parent} ({where}); mógł on zostać usunięty w czasie importu pliku. Niczego nie zaimportowano; zaimportuj plik ponownie.</translation>
    </message>
    <message>
      <source>{file}: the mapping file cannot be read ({detail})</source>
      <translation>{file}: nie można odczytać pliku mapowania ({detail})</translation>
    </message>
    <message>
      <source>{file}: the mapping file cannot be written ({detail})</source>
      <translation>{file}: nie można zapisać pliku mapowania ({detail})</translation>
    </message>
    <message>
      <source>{file}: the mapping names column {column!r}, which the file does not have (it has: {columns})</source>
      <translation>{file}: przypisanie wskazuje kolumnę {column!r}, której w pliku nie ma (są: {columns})</translation>
    </message>
    <message>
      <source>{file}: the text encoding cannot be recognised; save the file as UTF-8 or Windows-1250 CSV</source>
      <translation>{file}: nie można rozpoznać kodowania znaków; proszę zapisać plik jako CSV w kodowaniu UTF-8 lub Windows-1250</translation>
    </message>
    <message>
      <source>{file}: the text is not in the {encoding} encoding; use --encoding auto or the right one (utf-8, cp1250).</source>
      <translation>{file}: tekst nie jest zapisany w kodowaniu {encoding}; użyj --encoding auto albo właściwego kodowania (utf-8, cp1250).</translation>
    </message>
    <message>
      <source>{file}: the workbook unzips to {size}, above the limit of {limit}; split the register into smaller files and import them one by one; nothing was read</source>
      <translation>{file}: skoroszyt po rozpakowaniu ma {size}, ponad limit {limit}; podziel rejestr na mniejsze pliki i zaimportuj je po kolei; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{file}: the workbook&apos;s list of parts is {size}, above the limit of {limit}: not a register workbook; save it again as XLSX; nothing was read</source>
      <translation>{file}: spis części skoroszytu ma {size}, ponad limit {limit}: to nie jest skoroszyt rejestru; zapisz go ponownie jako XLSX; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{file}: two columns are named {column!r} in the header row; rename one</source>
      <translation>{file}: w wierszu nagłówka dwie kolumny nazywają się {column!r}; zmień nazwę jednej z nich</translation>
    </message>
    <message>
      <source>{file}: write .xlsx (the plan) or .pdf (a schedule)</source>
      <translation>{file}: zapisz jako .xlsx (plan) albo .pdf (harmonogram).</translation>
    </message>
    <message>
      <source>{file}: {count} problem(s), nothing imported:
{problems}</source>
      <translation>{file}: problemy ({count}), niczego nie zaimportowano:
{problems}</translation>
    </message>
    <message>
      <source>{file}: {count} value(s) in {rows} row(s) could not be read; nothing was imported. Correct them and import the file again.</source>
      <translation>{file}: nie udało się odczytać wartości: {count} (wiersze: {rows}); niczego nie zaimportowano. Popraw je i zaimportuj plik ponownie.</translation>
    </message>
    <message>
      <source>{file}: {field!r} is not a field of this import; fields: {fields}</source>
      <translation>{file}: {field!r} nie jest polem tego importu; pola: {fields}</translation>
    </message>
    <message>
      <source>{file}: {size_mb:.1f} MB is above the limit of {limit_mb:.0f} MB; shrink the file or raise the limit in Settings.</source>
      <translation>{file}: rozmiar {size_mb:.1f} MB przekracza limit {limit_mb:.0f} MB; zmniejsz plik albo zwiększ limit w Ustawieniach.</translation>
    </message>
    <message>
      <source>{folder}: cannot create the backup folder ({detail}). The database is unchanged; make the folder writable or free some disk space.</source>
      <translation>{folder}: nie można utworzyć folderu kopii zapasowych ({detail}). Baza danych nie została zmieniona; nadaj prawo zapisu do folderu albo zwolnij miejsce na dysku.</translation>
    </message>
    <message>
      <source>{folder}: cannot create the folder for the database ({detail}).</source>
      <translation>{folder}: nie można utworzyć folderu na bazę danych ({detail}).</translation>
    </message>
    <message>
      <source>{folder}: the folder is read-only ({detail}); AuditDesk needs to write the database and its journal there. Nothing was changed. Copy the database to a folder you can write to and open it there, or ask for write access.</source>
      <translation>{folder}: folder jest tylko do odczytu ({detail}); AuditDesk musi zapisywać w nim bazę danych i jej dziennik. Niczego nie zmieniono. Skopiuj bazę do folderu z prawem zapisu i otwórz ją tam albo poproś o prawo zapisu.</translation>
    </message>
    <message>
      <source>{indicator!r} has no target; choose one of {allowed}</source>
      <translation>{indicator!r} nie może mieć celu; wybierz jeden z: {allowed}</translation>
    </message>
    <message>
      <source>{kind} {record} was signed on {when} UTC by {signer}; a signed record cannot change. Record a correction as an amendment that refers to it.</source>
      <translation>Rekord {record} ({kind}) został podpisany {when} UTC przez: {signer}; podpisanego rekordu nie można zmienić. Wprowadź korektę jako aneks, który się do niego odwołuje.</translation>
    </message>
    <message>
      <source>{label}: already here ({text})</source>
      <translation>{label}: już jest w tej bazie ({text})</translation>
    </message>
    <message>
      <source>{length} characters, more than the {limit} this field holds; shorten it in the file (nothing is cut on import)</source>
      <translation>znaków: {length}, więcej niż {limit}, które mieści to pole; skróć wartość w pliku (import niczego nie obcina)</translation>
    </message>
    <message>
      <source>{level!r} is not a level of the scale of {sheet}</source>
      <translation>{level!r} nie jest poziomem skali arkusza oceny {sheet}; wybierz poziom ze skali.</translation>
    </message>
    <message>
      <source>{login} (auditor) may start audits only as themselves</source>
      <translation>{login} (audytor) może rozpoczynać audyty tylko we własnym imieniu.</translation>
    </message>
    <message>
      <source>{login} (supervisor) may not conduct audits</source>
      <translation>{login} (przełożony) nie może przeprowadzać audytów.</translation>
    </message>
    <message>
      <source>{login} ({role}) may not change audit {record}; only its auditor, HR or an administrator may.</source>
      <translation>{login} ({role}) nie może zmieniać audytu {record}; może to zrobić tylko jego audytor, dział kadr albo administrator.</translation>
    </message>
    <message>
      <source>{login} ({role}) may not change the retention of personal data or run it; it is for administrators.</source>
      <translation>{login} ({role}) nie może zmieniać ani wykonywać retencji danych osobowych; to zadanie administratorów.</translation>
    </message>
    <message>
      <source>{login} ({role}) may not decide the objection to appraisal {record}: only a superior of the appraiser or HR decides it: appraisals are personal data, open only to the appraiser, the employee&apos;s line of supervisors and HR.</source>
      <translation>Użytkownik {login} ({role}) nie może rozstrzygnąć sprzeciwu od oceny {record}: rozstrzyga go wyłącznie przełożony oceniającego albo kadry (HR). Oceny okresowe to dane osobowe, dostępne wyłącznie dla oceniającego, przełożonych pracownika w linii służbowej i kadr (HR).</translation>
    </message>
    <message>
      <source>{login} ({role}) may not manage the appraisals of employee #{employee} (not in their team): appraisals are personal data, open only to the appraiser, the employee&apos;s line of supervisors and HR.</source>
      <translation>Użytkownik {login} ({role}) nie może prowadzić ocen okresowych pracownika nr {employee} (pracownik spoza jego zespołu). Oceny okresowe to dane osobowe, dostępne wyłącznie dla oceniającego, przełożonych pracownika w linii służbowej i kadr (HR).</translation>
    </message>
    <message>
      <source>{login} ({role}) may not see audit {record}: auditors see their own audits, supervisors those of their units.</source>
      <translation>{login} ({role}) nie może zobaczyć audytu {record}: audytorzy widzą własne audyty, przełożeni – audyty swoich komórek.</translation>
    </message>
    <message>
      <source>{login} ({role}) may not see or change the visit plan; it is kept by HR and quality staff</source>
      <translation>{login} ({role}) nie może oglądać ani zmieniać planu wizyt; prowadzą go kadry i zespół ds. jakości.</translation>
    </message>
    <message>
      <source>{login} ({role}) may not see or record personal data of staff (a person&apos;s data, the register, who read what); it is for HR and administrators.</source>
      <translation>{login} ({role}) nie może przeglądać ani zapisywać danych osobowych pracowników (dane osoby, rejestr, kto co odczytał); to zadanie kadr i administratorów.</translation>
    </message>
    <message>
      <source>{login} ({role}) may not see planned visits; the plan is confidential</source>
      <translation>{login} ({role}) nie może oglądać zaplanowanych wizyt; plan jest poufny.</translation>
    </message>
    <message>
      <source>{login} ({role}) may not see research note #{note_id}: supervisors see the notes about their own units and the office-wide ones.</source>
      <translation>{login} ({role}) nie może zobaczyć notatki z badania nr {note_id}: kierownicy widzą notatki o swoich komórkach i te dotyczące całego urzędu.</translation>
    </message>
    <message>
      <source>{login} ({role}) may not see the appraisals of employee #{employee}: appraisals are personal data, open only to the appraiser, the employee&apos;s line of supervisors and HR.</source>
      <translation>Użytkownik {login} ({role}) nie może przeglądać ocen okresowych pracownika nr {employee}. Oceny okresowe to dane osobowe, dostępne wyłącznie dla oceniającego, przełożonych pracownika w linii służbowej i kadr (HR).</translation>
    </message>
    <message>
      <source>{login} ({role}) may not sign the protocol of an {kind}; ask the person who made it.</source>
      <translation>{login} ({role}) nie może podpisać protokołu tego rodzaju ({kind}); poproś o to osobę, która go sporządziła.</translation>
    </message>
    <message>
      <source>{login} ({role}) may not write a research note about units that are not theirs.</source>
      <translation>{login} ({role}) nie może zapisać notatki z badania o komórkach, które nie są jego.</translation>
    </message>
    <message>
      <source>{login} ({role}) may not {action}; ask an administrator for the right role.</source>
      <translation>{login} ({role}) nie ma uprawnienia do tej czynności ({action}); poproś administratora o nadanie odpowiedniej roli.</translation>
    </message>
    <message>
      <source>{login} has no active account at the office</source>
      <translation>{login} nie ma aktywnego konta w bazie urzędu</translation>
    </message>
    <message>
      <source>{login} is not an auditor; a laptop synchronises an auditor&apos;s own records</source>
      <translation>{login} nie jest audytorem; laptop synchronizuje własne rekordy audytora</translation>
    </message>
    <message>
      <source>{login} is not an auditor; a sync package carries an auditor&apos;s own records</source>
      <translation>{login} nie jest audytorem; paczka synchronizacji zawiera własne rekordy audytora</translation>
    </message>
    <message>
      <source>{login} is not the auditor of planned visit #{visit}; only they start it</source>
      <translation>{login} nie jest audytorem zaplanowanej wizyty #{visit}; rozpocząć ją może tylko przypisany audytor.</translation>
    </message>
    <message>
      <source>{login} is the last administrator and cannot be deactivated.</source>
      <translation>{login} jest ostatnim administratorem; tego konta nie można dezaktywować.</translation>
    </message>
    <message>
      <source>{login} is the last administrator; make another user an administrator first.</source>
      <translation>{login} jest ostatnim administratorem; najpierw nadaj rolę administratora innemu użytkownikowi.</translation>
    </message>
    <message>
      <source>{login} may not decide disputes; HR or admin does</source>
      <translation>{login} nie może rozpatrywać zastrzeżeń; robi to dział kadr albo administrator.</translation>
    </message>
    <message>
      <source>{login} may not export another auditor&apos;s records; HR or admin does</source>
      <translation>{login} nie może eksportować rekordów innego audytora; robi to kadry lub administrator</translation>
    </message>
    <message>
      <source>{login} may not import another auditor&apos;s package; HR or admin does</source>
      <translation>{login} nie może importować paczki innego audytora; robi to kadry lub administrator</translation>
    </message>
    <message>
      <source>{login} may not import audits; HR or admin does</source>
      <translation>{login} nie może importować audytów; robi to dział kadr albo administrator.</translation>
    </message>
    <message>
      <source>{login} may not rebuild the audit totals</source>
      <translation>{login} nie może przeliczać sum wyników audytów; robi to dział kadr albo administrator.</translation>
    </message>
    <message>
      <source>{login} may not see survey campaign #{campaign}: it is not in their units</source>
      <translation>{login} nie ma wglądu w badanie ankietowe nr {campaign}: nie dotyczy ono podległych komórek</translation>
    </message>
    <message>
      <source>{login} may print only their own schedule</source>
      <translation>{login} może wydrukować tylko własny harmonogram.</translation>
    </message>
    <message>
      <source>{login} may see only the entries of their own units</source>
      <translation>{login} może przeglądać tylko wpisy swoich komórek</translation>
    </message>
    <message>
      <source>{login}: the account is no longer active.</source>
      <translation>{login}: konto nie jest już aktywne.</translation>
    </message>
    <message>
      <source>{login}: the current password is wrong.</source>
      <translation>{login}: obecne hasło jest nieprawidłowe; wpisz je ponownie.</translation>
    </message>
    <message>
      <source>{login}: too many failed sign-in attempts; try again in {seconds} s.</source>
      <translation>{login}: zbyt wiele nieudanych prób logowania; spróbuj ponownie za {seconds} s.</translation>
    </message>
    <message>
      <source>{login}: wrong login or password ({failed} failed attempts); the next attempt is possible in {seconds} s.</source>
      <translation>{login}: nieprawidłowy login lub hasło (nieudane próby: {failed}); kolejna próba będzie możliwa za {seconds} s.</translation>
    </message>
    <message>
      <source>{login}: wrong login or password, or the account is inactive.</source>
      <translation>{login}: nieprawidłowy login lub hasło albo konto jest nieaktywne.</translation>
    </message>
    <message>
      <source>{path} is older than the last exchange with this office; nothing was applied. Ask the office for a new package.</source>
      <translation>{path} jest starsza niż ostatnia wymiana z tym urzędem; niczego nie zastosowano. Poproś urząd o nową paczkę.</translation>
    </message>
    <message>
      <source>{path} is older than the last package applied from this laptop; nothing was applied. Export a new one on the laptop.</source>
      <translation>{path} jest starsza niż ostatnia paczka zastosowana z tego laptopa; niczego nie zastosowano. Wyeksportuj nową na laptopie.</translation>
    </message>
    <message>
      <source>{path} is {login}&apos;s package; sign in as {login} to import it</source>
      <translation>{path} to paczka użytkownika {login}; zaloguj się jako {login}, aby ją zaimportować</translation>
    </message>
    <message>
      <source>{path} was made for another office store; nothing was applied</source>
      <translation>{path} przygotowano dla innej bazy urzędu; niczego nie zastosowano</translation>
    </message>
    <message>
      <source>{path}: audits[{index}] has {count:,} {what}, above the limit of {limit:,}; nothing was imported</source>
      <translation>{path}: audits[{index}] zawiera {count:,} {what}, ponad limit {limit:,}; niczego nie zaimportowano</translation>
    </message>
    <message>
      <source>{path}: backup failed ({detail}). The database is unchanged.</source>
      <translation>{path}: nie udało się wykonać kopii zapasowej ({detail}). Baza danych pozostała bez zmian.</translation>
    </message>
    <message>
      <source>{path}: cannot be read ({detail}). Nothing was changed.</source>
      <translation>{path}: nie można odczytać pliku ({detail}). Niczego nie zmieniono.</translation>
    </message>
    <message>
      <source>{path}: cannot create the database file ({detail}).</source>
      <translation>{path}: nie można utworzyć pliku bazy danych ({detail}).</translation>
    </message>
    <message>
      <source>{path}: cannot read the backup ({detail}).</source>
      <translation>{path}: nie można odczytać kopii zapasowej ({detail}).</translation>
    </message>
    <message>
      <source>{path}: cannot read the certificate file ({detail})</source>
      <translation>{path}: nie można odczytać pliku certyfikatu ({detail})</translation>
    </message>
    <message>
      <source>{path}: cannot read the file ({detail})</source>
      <translation>{path}: nie można odczytać pliku ({detail}). Sprawdź, czy plik istnieje i czy masz do niego dostęp.</translation>
    </message>
    <message>
      <source>{path}: cannot read the trusted certificate ({detail})</source>
      <translation>{path}: nie można odczytać zaufanego certyfikatu ({detail})</translation>
    </message>
    <message>
      <source>{path}: cannot write the export ({detail})</source>
      <translation>{path}: nie można zapisać pliku eksportu ({detail}). Sprawdź, czy folder istnieje i czy możesz w nim zapisywać.</translation>
    </message>
    <message>
      <source>{path}: could not restore the backup ({detail}); the damaged file was left where it was.</source>
      <translation>{path}: nie udało się odtworzyć kopii zapasowej ({detail}); uszkodzony plik pozostał na swoim miejscu.</translation>
    </message>
    <message>
      <source>{path}: export format version {version!r} is not supported (this AuditDesk reads {supported}); nothing was imported</source>
      <translation>{path}: wersja formatu eksportu {version!r} nie jest obsługiwana (ta wersja AuditDesk odczytuje wersję {supported}); niczego nie zaimportowano.</translation>
    </message>
    <message>
      <source>{path}: is a folder, not a database file; give a file name.</source>
      <translation>{path}: to jest folder, a nie plik bazy danych; podaj nazwę pliku.</translation>
    </message>
    <message>
      <source>{path}: larger than the limit of {limit} for a PDF to verify; nothing was read</source>
      <translation>{path}: plik przekracza limit {limit} dla sprawdzanego PDF; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{path}: member {member!r} is not one a sync package holds (a path, a duplicate or an unknown name); nothing was read</source>
      <translation>{path}: element {member!r} nie należy do paczki synchronizacji (ścieżka, duplikat albo nieznana nazwa); niczego nie odczytano</translation>
    </message>
    <message>
      <source>{path}: no intact backup was found to restore.</source>
      <translation>{path}: nie znaleziono nieuszkodzonej kopii zapasowej do odtworzenia.</translation>
    </message>
    <message>
      <source>{path}: no office database there; choose the office&apos;s database file or give the server&apos;s address (postgresql+psycopg://…)</source>
      <translation>{path}: nie ma tam bazy biura; wybierz plik bazy biura albo podaj adres serwera (postgresql+psycopg://…)</translation>
    </message>
    <message>
      <source>{path}: no such backup file.</source>
      <translation>{path}: nie ma takiego pliku kopii zapasowej.</translation>
    </message>
    <message>
      <source>{path}: not UTF-8 text; nothing was imported</source>
      <translation>{path}: plik nie jest tekstem w kodowaniu UTF-8; niczego nie zaimportowano.</translation>
    </message>
    <message>
      <source>{path}: not a PostgreSQL backup in pg_dump&apos;s custom format (pg_dump -Fc); choose another backup.</source>
      <translation>{path}: to nie jest kopia PostgreSQL w formacie własnym pg_dump (pg_dump -Fc); wybierz inną kopię.</translation>
    </message>
    <message>
      <source>{path}: not a SQLite database; choose another backup.</source>
      <translation>{path}: to nie jest baza danych SQLite; wybierz inną kopię zapasową.</translation>
    </message>
    <message>
      <source>{path}: not a certificate in PEM or DER form ({detail})</source>
      <translation>{path}: to nie jest certyfikat w formacie PEM ani DER ({detail})</translation>
    </message>
    <message>
      <source>{path}: not a zip file ({detail}); nothing was applied</source>
      <translation>{path}: to nie jest plik zip ({detail}); niczego nie zastosowano</translation>
    </message>
    <message>
      <source>{path}: not an AuditDesk audit export (no "format": "{format}"); nothing was imported</source>
      <translation>{path}: to nie jest eksport audytów AuditDesk (brak "format": "{format}"); niczego nie zaimportowano.</translation>
    </message>
    <message>
      <source>{path}: not an AuditDesk database; choose another backup.</source>
      <translation>{path}: to nie jest baza danych AuditDesk; wybierz inną kopię zapasową.</translation>
    </message>
    <message>
      <source>{path}: not an AuditDesk sync package (format {format} version {version}); nothing was applied</source>
      <translation>{path}: to nie jest paczka synchronizacji AuditDesk (format {format}, wersja {version}); niczego nie zastosowano</translation>
    </message>
    <message>
      <source>{path}: not valid JSON (line {line}, column {column}: {detail}); nothing was imported. Export the audits again on the source computer.</source>
      <translation>{path}: niepoprawny JSON (wiersz {line}, kolumna {column}: {detail}); niczego nie zaimportowano. Wyeksportuj audyty ponownie na komputerze źródłowym.</translation>
    </message>
    <message>
      <source>{path}: the "audits" list is missing; nothing was imported</source>
      <translation>{path}: brak listy "audits"; niczego nie zaimportowano.</translation>
    </message>
    <message>
      <source>{path}: the backup cannot overwrite the database itself.</source>
      <translation>{path}: kopia zapasowa nie może zastąpić samej bazy danych. Wskaż inny plik.</translation>
    </message>
    <message>
      <source>{path}: the backup fails its integrity check; choose another.</source>
      <translation>{path}: kopia zapasowa nie przeszła kontroli spójności; wybierz inną.</translation>
    </message>
    <message>
      <source>{path}: the backup is damaged ({detail}); choose another.</source>
      <translation>{path}: kopia zapasowa jest uszkodzona ({detail}); wybierz inną.</translation>
    </message>
    <message>
      <source>{path}: the certificate&apos;s key is of a kind AuditDesk cannot sign with ({kind}); use a certificate with an RSA, EC (ECDSA) or Ed25519 key</source>
      <translation>{path}: klucz certyfikatu jest rodzaju, którym AuditDesk nie umie podpisywać ({kind}); użyj certyfikatu z kluczem RSA, EC (ECDSA) lub Ed25519</translation>
    </message>
    <message>
      <source>{path}: the database file is empty (0 bytes), so it holds no office. Nothing was changed. Restore the latest backup (Administration → backups, or &apos;auditdesk backups list&apos;) or open another file with --db. To start a new office in this place, delete the empty file first.</source>
      <translation>{path}: plik bazy danych jest pusty (0 bajtów), więc nie zawiera danych urzędu. Niczego nie zmieniono. Odtwórz najnowszą kopię zapasową (Administracja → kopie zapasowe albo &apos;auditdesk backups list&apos;) lub otwórz inny plik przez --db. Aby założyć w tym miejscu nowy urząd, najpierw usuń pusty plik.</translation>
    </message>
    <message>
      <source>{path}: the database is damaged ({detail}). Nothing was changed. Restore the latest backup (Administration → backups, or &apos;auditdesk backups list&apos;) or open another file with --db.</source>
      <translation>{path}: baza danych jest uszkodzona ({detail}). Niczego nie zmieniono. Odtwórz najnowszą kopię zapasową (Administracja → kopie zapasowe albo &apos;auditdesk backups list&apos;) lub otwórz inny plik przez --db.</translation>
    </message>
    <message>
      <source>{path}: the file holds no private key with its certificate</source>
      <translation>{path}: plik nie zawiera klucza prywatnego wraz z certyfikatem</translation>
    </message>
    <message>
      <source>{path}: the file is read-only. Nothing was changed. Make it writable or open a copy.</source>
      <translation>{path}: plik jest tylko do odczytu. Niczego nie zmieniono. Nadaj prawo zapisu albo otwórz kopię.</translation>
    </message>
    <message>
      <source>{path}: the members do not match the manifest (a member added or removed); nothing was applied</source>
      <translation>{path}: elementy nie zgadzają się z manifestem (element dodany lub usunięty); niczego nie zastosowano</translation>
    </message>
    <message>
      <source>{path}: the output file should end in .p12 (PKCS#12)</source>
      <translation>{path}: nazwa pliku wynikowego powinna kończyć się na .p12 (PKCS#12)</translation>
    </message>
    <message>
      <source>{path}: the package&apos;s kind is unknown; nothing was applied</source>
      <translation>{path}: nieznany rodzaj paczki; niczego nie zastosowano</translation>
    </message>
    <message>
      <source>{path}: the report is a .pdf or an .xlsx file</source>
      <translation>{path}: raport zapisuje się jako plik .pdf lub .xlsx</translation>
    </message>
    <message>
      <source>{path}: the settings could not be used ({reason}); AuditDesk started with the default settings and kept the file as {kept}.</source>
      <translation>{path}: nie można było użyć ustawień ({reason}); AuditDesk uruchomił się z ustawieniami domyślnymi, a plik zachował jako {kept}.</translation>
    </message>
    <message>
      <source>{path}: the sync package is {size}, above the limit of {limit}; nothing was read</source>
      <translation>{path}: paczka synchronizacji ma {size}, powyżej limitu {limit}; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{path}: the {what} is larger than the limit of {limit}; nothing was read</source>
      <translation>{path}: {what} przekracza limit {limit}; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{path}: the {what} is {size}, above the limit of {limit}; nothing was read</source>
      <translation>{path}: {what} ma {size}, ponad limit {limit}; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{path}: this file is not a SQLite database (it may be another kind of file, or encrypted). Nothing was changed. Choose another file with --db, or restore a backup.</source>
      <translation>{path}: ten plik nie jest bazą danych SQLite (może to być plik innego rodzaju albo plik zaszyfrowany). Niczego nie zmieniono. Wybierz inny plik za pomocą --db lub przywróć kopię zapasową.</translation>
    </message>
    <message>
      <source>{path}: wrong passphrase, or not an encrypted AuditDesk database. Nothing was changed.</source>
      <translation>{path}: nieprawidłowe hasło szyfrowania albo plik nie jest zaszyfrowaną bazą AuditDesk. Niczego nie zmieniono.</translation>
    </message>
    <message>
      <source>{path}: wrong password for this PKCS#12 file, or the file is not a PKCS#12 certificate. Check the password (it is case-sensitive) and try again.</source>
      <translation>{path}: błędne hasło do tego pliku PKCS#12 albo plik nie jest certyfikatem PKCS#12. Sprawdź hasło (wielkość liter ma znaczenie) i spróbuj ponownie.</translation>
    </message>
    <message>
      <source>{path}: {count:,} audits, above the limit of {limit:,} in one file; nothing was imported. Export them in parts.</source>
      <translation>{path}: {count:,} audytów, ponad limit {limit:,} w jednym pliku; niczego nie zaimportowano. Wyeksportuj je w częściach.</translation>
    </message>
    <message>
      <source>{path}: {count:,} members, above the limit of {limit:,}; nothing was read</source>
      <translation>{path}: {count:,} elementów, powyżej limitu {limit:,}; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{path}: {member} does not match its SHA-256 in the manifest (the package was altered or damaged); nothing was applied. Export the package again.</source>
      <translation>{path}: {member} nie zgadza się z SHA-256 w manifeście (paczkę zmieniono lub uszkodzono); niczego nie zastosowano. Wyeksportuj paczkę ponownie.</translation>
    </message>
    <message>
      <source>{path}: {member} holds another record&apos;s uid; nothing was applied</source>
      <translation>{path}: {member} zawiera uid innego rekordu; niczego nie zastosowano</translation>
    </message>
    <message>
      <source>{path}: {member} is missing; nothing was applied</source>
      <translation>{path}: brak elementu {member}; niczego nie zastosowano</translation>
    </message>
    <message>
      <source>{path}: {member} is not JSON ({detail}); nothing was applied</source>
      <translation>{path}: {member} nie jest w formacie JSON ({detail}); niczego nie zastosowano</translation>
    </message>
    <message>
      <source>{path}: {member} is not a JSON object</source>
      <translation>{path}: {member} nie jest obiektem JSON</translation>
    </message>
    <message>
      <source>{path}: {member} is not the size its zip directory says; nothing was read</source>
      <translation>{path}: {member} ma inny rozmiar, niż podaje katalog zip; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{path}: {member} unpacks to {size}, above the limit of {limit} (a zip bomb?); nothing was read</source>
      <translation>{path}: {member} po rozpakowaniu ma {size}, powyżej limitu {limit} (bomba zip?); niczego nie odczytano</translation>
    </message>
    <message>
      <source>{path}: {tool} failed ({detail}). The database is unchanged.</source>
      <translation>{path}: {tool} nie powiódł się ({detail}). Baza danych pozostała bez zmian.</translation>
    </message>
    <message>
      <source>{record} was made after an upheld objection; a further appeal goes to the labour court, not to the office</source>
      <translation>Ocena {record} została sporządzona po uwzględnieniu sprzeciwu; dalsze odwołanie przysługuje do sądu pracy, a nie do urzędu.</translation>
    </message>
    <message>
      <source>{record}: choose the criteria first (step 1)</source>
      <translation>{record}: najpierw wybierz kryteria (krok 1).</translation>
    </message>
    <message>
      <source>{record}: rate {criteria} first (step 2)</source>
      <translation>{record}: najpierw oceń kryteria {criteria} (krok 2).</translation>
    </message>
    <message>
      <source>{record}: the employee may still object: {rule}</source>
      <translation>{record}: pracownik może jeszcze wnieść sprzeciw: {rule}</translation>
    </message>
    <message>
      <source>{record}: write a justification for {criteria} (step 2)</source>
      <translation>{record}: wpisz uzasadnienie dla kryteriów {criteria} (krok 2).</translation>
    </message>
    <message>
      <source>{reference} is settled: a change to it is a correction; give its reason</source>
      <translation>sprawa {reference} jest załatwiona: zmiana jest korektą; podaj jej przyczynę</translation>
    </message>
    <message>
      <source>{reference}: a settled complaint or grievance needs an outcome (justified, partly, unjustified, passed on)</source>
      <translation>{reference}: załatwiona skarga lub zażalenie wymaga rozstrzygnięcia (zasadna, częściowo zasadna, bezzasadna, przekazana)</translation>
    </message>
    <message>
      <source>{reference}: an outcome needs the date it was settled</source>
      <translation>{reference}: rozstrzygnięcie wymaga daty załatwienia</translation>
    </message>
    <message>
      <source>{reference}: give both the new date and the day the complainant was notified</source>
      <translation>{reference}: podaj zarówno nowy termin, jak i dzień zawiadomienia skarżącego</translation>
    </message>
    <message>
      <source>{reference}: only a complaint or a request has a new date (art. 36)</source>
      <translation>{reference}: nowy termin (art. 36) może mieć tylko skarga lub wniosek</translation>
    </message>
    <message>
      <source>{reference}: only a grievance has the date its order was served</source>
      <translation>{reference}: datę doręczenia postanowienia ma tylko zażalenie</translation>
    </message>
    <message>
      <source>{reference}: received on {received} lies in the future; check the date</source>
      <translation>{reference}: data wpływu {received} jest datą przyszłą; sprawdź ją</translation>
    </message>
    <message>
      <source>{reference}: settled on {settled} lies in the future; check the date</source>
      <translation>{reference}: data załatwienia {settled} jest datą przyszłą; sprawdź ją</translation>
    </message>
    <message>
      <source>{reference}: settled on {settled}, before it was received ({received})</source>
      <translation>{reference}: data załatwienia {settled} jest wcześniejsza niż data wpływu ({received})</translation>
    </message>
    <message>
      <source>{reference}: the notice of the new date ({notified}) must lie between the receipt and today</source>
      <translation>{reference}: zawiadomienie o nowym terminie ({notified}) musi przypadać między wpływem a dniem dzisiejszym</translation>
    </message>
    <message>
      <source>{reference}: the order was served on {served}, after the grievance was received ({received}); check the dates</source>
      <translation>{reference}: postanowienie doręczono {served}, czyli po wpływie zażalenia ({received}); sprawdź daty</translation>
    </message>
    <message>
      <source>{source}: a key in {field} is {length:,} characters long, above the limit of {limit:,}; nothing was read</source>
      <translation>{source}: klucz w {field} ma {length:,} znaków, ponad limit {limit:,}; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{source}: not a readable PDF ({detail})</source>
      <translation>{source}: nie można odczytać pliku jako PDF ({detail})</translation>
    </message>
    <message>
      <source>{source}: the JSON is nested more than {depth} levels deep (at {field}); nothing was read</source>
      <translation>{source}: JSON jest zagnieżdżony głębiej niż na {depth} poziomów (w {field}); niczego nie odczytano</translation>
    </message>
    <message>
      <source>{source}: the JSON is nested more than {depth} levels deep; nothing was read</source>
      <translation>{source}: JSON jest zagnieżdżony głębiej niż na {depth} poziomów; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{source}: the signature cannot be read ({detail})</source>
      <translation>{source}: nie można odczytać podpisu ({detail})</translation>
    </message>
    <message>
      <source>{source}: {field} has {count:,} entries, above the limit of {limit:,}; nothing was read</source>
      <translation>{source}: {field} ma {count:,} elementów, ponad limit {limit:,}; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{source}: {field} is {length:,} characters long, above the limit of {limit:,}; nothing was read</source>
      <translation>{source}: {field} ma {length:,} znaków, ponad limit {limit:,}; niczego nie odczytano</translation>
    </message>
    <message>
      <source>{source}: {where} has no valid {field}; nothing was applied. Ask the office for a new package.</source>
      <translation>{source}: {where} nie ma poprawnego pola {field}; niczego nie zastosowano. Poproś urząd o nowy pakiet.</translation>
    </message>
    <message>
      <source>{target}: already exists; choose a new file name.</source>
      <translation>{target}: taki plik już istnieje; wybierz nową nazwę pliku.</translation>
    </message>
    <message>
      <source>{target}: encrypting failed ({detail}). The database is unchanged.</source>
      <translation>{target}: szyfrowanie nie powiodło się ({detail}). Baza danych nie została zmieniona.</translation>
    </message>
    <message>
      <source>{target}: restoring {backup} failed ({detail}); the database was left as it was. Free some disk space or make the folder writable, then try again.</source>
      <translation>{target}: odtworzenie kopii {backup} nie powiodło się ({detail}); baza danych pozostała bez zmian. Zwolnij miejsce na dysku lub nadaj prawo zapisu do folderu i spróbuj ponownie.</translation>
    </message>
    <message>
      <source>{text} is not a date; give it as YYYY-MM-DD or none</source>
      <translation>{text} to nie data; podaj RRRR-MM-DD lub none</translation>
    </message>
    <message>
      <source>{tool} not found: backups of a PostgreSQL database need {tool}; {hint}, same major version as the server or newer.</source>
      <translation>Nie znaleziono {tool}: kopie zapasowe bazy PostgreSQL wymagają programu {tool}; {hint}, w tej samej wersji głównej co serwer lub nowszej.</translation>
    </message>
    <message>
      <source>{url}: not a valid database URL ({detail})</source>
      <translation>{url}: to nie jest poprawny adres URL bazy danych ({detail})</translation>
    </message>
    <message>
      <source>{value!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)</source>
      <translation>{value!r} nie jest datą (dd.mm.rrrr lub RRRR-MM-DD)</translation>
    </message>
    <message>
      <source>{value!r} is not a whole number from {low} to {high}</source>
      <translation>{value!r} nie jest liczbą całkowitą od {low} do {high}</translation>
    </message>
    <message>
      <source>{value!r} is not one of the answers: {allowed}</source>
      <translation>{value!r} nie jest jedną z dopuszczalnych odpowiedzi: {allowed}</translation>
    </message>
    <message>
      <source>{value!r} is not the code of a unit</source>
      <translation>{value!r} nie jest kodem komórki organizacyjnej</translation>
    </message>
    <message>
      <source>{where}: {value!r} is not a category ({allowed})</source>
      <translation>{where}: {value!r} nie jest kategorią ({allowed})</translation>
    </message>
  </context>
</TS>
