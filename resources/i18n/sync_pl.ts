<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>SyncDialog</name>
    <message>
        <source>Synchronise with the office</source>
        <translation>Synchronizacja z biurem</translation>
    </message>
    <message>
        <source>the office&apos;s database file, or postgresql+psycopg://server/auditdesk</source>
        <translation>plik bazy biura albo postgresql+psycopg://serwer/auditdesk</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Przeglądaj…</translation>
    </message>
    <message>
        <source>&amp;Office store:</source>
        <translation>&amp;Baza biura:</translation>
    </message>
    <message>
        <source>&amp;Login at the office:</source>
        <translation>&amp;Login w biurze:</translation>
    </message>
    <message>
        <source>&amp;Password at the office:</source>
        <translation>&amp;Hasło w biurze:</translation>
    </message>
    <message>
        <source>&amp;Synchronise</source>
        <translation>&amp;Synchronizuj</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Zatrzymaj</translation>
    </message>
    <message>
        <source>Keep the &amp;office&apos;s version</source>
        <translation>Zachowaj wersję &amp;biura</translation>
    </message>
    <message>
        <source>Keep the &amp;laptop&apos;s version</source>
        <translation>Zachowaj wersję &amp;laptopa</translation>
    </message>
    <message>
        <source>Office&apos;s version</source>
        <translation>Wersja biura</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikty</translation>
    </message>
    <message>
        <source>Laptop&apos;s version</source>
        <translation>Wersja laptopa</translation>
    </message>
    <message>
        <source>&amp;Export package…</source>
        <translation>&amp;Eksportuj paczkę…</translation>
    </message>
    <message>
        <source>&amp;Import package…</source>
        <translation>&amp;Importuj paczkę…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Za&amp;mknij</translation>
    </message>
    <message>
        <source>The office&apos;s database</source>
        <translation>Baza danych biura</translation>
    </message>
    <message>
        <source>AuditDesk database (*.sqlite *.db);;All files (*)</source>
        <translation>Baza AuditDesk (*.sqlite *.db);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Name the office store: its database file or server address.</source>
        <translation>Wskaż bazę biura: jej plik albo adres serwera.</translation>
    </message>
    <message>
        <source>Give your login and password at the office.</source>
        <translation>Podaj swój login i hasło w biurze.</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchronizacja…</translation>
    </message>
    <message>
        <source>%v of %m records</source>
        <translation>%v z %m rekordów</translation>
    </message>
    <message>
        <source>Stopping after the current record…</source>
        <translation>Zatrzymywanie po bieżącym rekordzie…</translation>
    </message>
    <message>
        <source>Office server password</source>
        <translation>Hasło serwera urzędu</translation>
    </message>
    <message>
        <source>The office server asks for the connection password of {0}
(not your AuditDesk password; the office&apos;s administrator gives it):</source>
        <translation>Serwer urzędu prosi o hasło połączenia z {0}
(to nie jest hasło do AuditDesk; podaje je administrator urzędu):</translation>
    </message>
    <message>
        <source>Stopped. What was exchanged stays; the next synchronisation finishes the rest.</source>
        <translation>Zatrzymano. To, co już przesłano, zostaje; następna synchronizacja dokończy resztę.</translation>
    </message>
    <message>
        <source>Synchronised with {0}: {1} sent, {2} received, {3} deleted, {4} already the same (skipped), {5} conflict(s), {6} refused.</source>
        <translation>Zsynchronizowano z {0}: wysłane {1}, odebrane {2}, usunięte {3}, już zgodne (pominięte) {4}, konflikty {5}, odrzucone {6}.</translation>
    </message>
    <message>
        <source>Decisions on disputes brought: {0}.</source>
        <translation>Pobrane rozstrzygnięcia sporów: {0}.</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>Odrzucono: {0}</translation>
    </message>
    <message>
        <source>Planned visits from the office — new: {0}, changed: {1}, removed: {2}.</source>
        <translation>Wizyty zaplanowane w biurze — nowe: {0}, zmienione: {1}, usunięte: {2}.</translation>
    </message>
    <message>
        <source>Visits withdrawn at the office but started here, kept with their audits: {0}.</source>
        <translation>Wizyty wycofane w biurze, ale rozpoczęte tutaj, zachowane z audytami: {0}.</translation>
    </message>
    <message>
        <source>Audits linked to their planned visits: {0}.</source>
        <translation>Audyty powiązane z zaplanowanymi wizytami: {0}.</translation>
    </message>
    <message>
        <source>{0}: planned visit #{1} was withdrawn at the office or given to another auditor; the audit is kept without it.</source>
        <translation>{0}: wizytę zaplanowaną nr {1} wycofano w biurze lub przekazano innemu audytorowi; audyt zostaje bez niej.</translation>
    </message>
    <message>
        <source>{0}: planned visit #{1} is {2} at the office; the audit is kept without it.</source>
        <translation>{0}: wizyta zaplanowana nr {1} jest w biurze {2}; audyt zostaje bez niej.</translation>
    </message>
    <message>
        <source>Planned visit #{0} was not copied: its programme or unit {1} did not come from the office.</source>
        <translation>Wizyty zaplanowanej nr {0} nie skopiowano: jej program lub komórka {1} nie przyszły z biura.</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>zaplanowana</translation>
    </message>
    <message>
        <source>done</source>
        <translation>wykonana</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>odwołana</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>nieodbyta</translation>
    </message>
    <message>
        <source>Export a package for the office</source>
        <translation>Eksport paczki dla biura</translation>
    </message>
    <message>
        <source>Package (*.zip)</source>
        <translation>Paczka (*.zip)</translation>
    </message>
    <message>
        <source>Package for the office written: {0}</source>
        <translation>Zapisano paczkę dla biura: {0}</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>Zapisywanie paczki…</translation>
    </message>
    <message>
        <source>Import a package from the office</source>
        <translation>Import paczki z biura</translation>
    </message>
    <message>
        <source>Laptop package applied: {0} written, {1} deleted, {2} already the same, {3} newer here (skipped), {4} conflict(s), {5} refused.</source>
        <translation>Wczytano paczkę z laptopa: zapisane {0}, usunięte {1}, już zgodne {2}, nowsze tutaj (pominięte) {3}, konflikty {4}, odrzucone {5}.</translation>
    </message>
    <message>
        <source>Applying the package…</source>
        <translation>Wczytywanie paczki…</translation>
    </message>
    <message>
        <source>Conflicts (changed on both sides): {0}</source>
        <translation>Konflikty (zmiany po obu stronach): {0}</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Brak konfliktów.</translation>
    </message>
    <message>
        <source>changed on the laptop and at the office since the last exchange</source>
        <translation>zmieniony na laptopie i w biurze od ostatniej wymiany</translation>
    </message>
    <message>
        <source>met for the first time with different contents</source>
        <translation>spotkany po raz pierwszy z różną treścią</translation>
    </message>
    <message>
        <source>deleted at the office, changed on the laptop</source>
        <translation>usunięty w biurze, zmieniony na laptopie</translation>
    </message>
    <message>
        <source>deleted on the laptop, changed at the office</source>
        <translation>usunięty na laptopie, zmieniony w biurze</translation>
    </message>
    <message>
        <source>the office&apos;s copy is locked or differs in kind</source>
        <translation>kopia w biurze jest zablokowana albo innego rodzaju</translation>
    </message>
    <message>
        <source>the laptop&apos;s copy is locked or differs in kind</source>
        <translation>kopia na laptopie jest zablokowana albo innego rodzaju</translation>
    </message>
    <message>
        <source> (the office&apos;s version is kept at the next synchronisation)</source>
        <translation> (przy następnej synchronizacji zostanie wersja biura)</translation>
    </message>
    <message>
        <source> (the laptop&apos;s version is kept at the next synchronisation)</source>
        <translation> (przy następnej synchronizacji zostanie wersja laptopa)</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(usunięty)</translation>
    </message>
    <message>
        <source>Record: {0}</source>
        <translation>Rekord: {0}</translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation>Stan: {0}</translation>
    </message>
    <message>
        <source>Version: {0}</source>
        <translation>Wersja: {0}</translation>
    </message>
    <message>
        <source>Unit: {0}</source>
        <translation>Komórka: {0}</translation>
    </message>
    <message>
        <source>Visited: {0}</source>
        <translation>Wizyta: {0}</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>Uwaga: {0}</translation>
    </message>
    <message>
        <source>Answers:</source>
        <translation>Odpowiedzi:</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>nie dotyczy</translation>
    </message>
    <message>
        <source>Evidence: {0}</source>
        <translation>Dowody: {0}</translation>
    </message>
    <message>
        <source>{0}: the office&apos;s version is kept; synchronise to apply it.</source>
        <translation>{0}: zostaje wersja biura; zsynchronizuj, aby ją zastosować.</translation>
    </message>
    <message>
        <source>{0}: the laptop&apos;s version is kept; synchronise to apply it.</source>
        <translation>{0}: zostaje wersja laptopa; zsynchronizuj, aby ją zastosować.</translation>
    </message>
</context>
</TS>
