<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
  <context>
    <name>Cli</name>
    <message>
      <source>({target}, {visits} visits, {stage})</source>
      <translation>({target}, wizyt: {visits}, etap: {stage})</translation>
    </message>
    <message>
      <source>Employee #{number}: employment ended on {day}.</source>
      <translation>Pracownik nr {number}: zatrudnienie ustało {day}.</translation>
    </message>
    <message>
      <source>Exported {audits} audit(s) and {evidence} evidence file(s) to {path}</source>
      <translation>Wyeksportowano audyty ({audits}) i pliki dowodów ({evidence}) do {path}</translation>
    </message>
    <message>
      <source>Exported {audits} audit(s) to {path}</source>
      <translation>Wyeksportowano audyty ({audits}) do {path}</translation>
    </message>
    <message>
      <source>Exported {count} appraisal(s) to {path}</source>
      <translation>Wyeksportowano oceny ({count}) do {path}</translation>
    </message>
    <message>
      <source>Exported {files} of {total} protocol(s) to {path} in {seconds} s ({signed} signed now, {stored} already signed, as stored)</source>
      <translation>Wyeksportowano protokoły: {files} z {total} do {path} w {seconds} s (podpisane teraz: {signed}, podpisane wcześniej, jak zapisano: {stored})</translation>
    </message>
    <message>
      <source>Index: {csv}, {xlsx}</source>
      <translation>Spis: {csv}, {xlsx}</translation>
    </message>
    <message>
      <source>No appraisal is due within {days} days.</source>
      <translation>W ciągu {days} dni nie przypada żadna ocena.</translation>
    </message>
    <message>
      <source>Nobody has read this person&apos;s appraisals.</source>
      <translation>Nikt nie odczytał ocen tej osoby.</translation>
    </message>
    <message>
      <source>Nothing is due for retention on {day}.</source>
      <translation>Na dzień {day} nic nie podlega retencji.</translation>
    </message>
    <message>
      <source>Rebuilt the per-standard totals: {rows} row(s) in {db}</source>
      <translation>Przeliczono sumy według standardów: wiersze ({rows}) w {db}</translation>
    </message>
    <message>
      <source>Recorded the {kind} request of employee #{number}.</source>
      <translation>Zapisano żądanie {kind} pracownika nr {number}.</translation>
    </message>
    <message>
      <source>Wrote the data held about {name} to {path}</source>
      <translation>Zapisano dane o osobie {name} do {path}</translation>
    </message>
    <message>
      <source>done</source>
      <translation>wyk.</translation>
    </message>
    <message>
      <source>handed to the archive: {path}</source>
      <translation>przekazano do archiwum: {path}</translation>
    </message>
    <message>
      <source>interrupted; nothing half-written was kept.</source>
      <translation>przerwano; nie zachowano niczego zapisanego w połowie.</translation>
    </message>
    <message>
      <source>last</source>
      <translation>pop.</translation>
    </message>
    <message>
      <source>left: {label} ({why})</source>
      <translation>pozostawiono: {label} ({why})</translation>
    </message>
    <message>
      <source>precision</source>
      <translation>dokładność</translation>
    </message>
    <message>
      <source>programme #{id}: {name} ({stage})</source>
      <translation>program #{id}: {name} (etap: {stage})</translation>
    </message>
    <message>
      <source>programme #{id}: {name}, {visits} visits planned</source>
      <translation>program #{id}: {name}, zaplanowano wizyt: {visits}</translation>
    </message>
    <message>
      <source>traffic</source>
      <translation>klienci</translation>
    </message>
    <message>
      <source>unit</source>
      <translation>komórka</translation>
    </message>
    <message>
      <source>visits</source>
      <translation>wizyty</translation>
    </message>
    <message>
      <source>{budget} visits</source>
      <translation>{budget} wizyt</translation>
    </message>
    <message>
      <source>{count} employee(s) due within {days} days or overdue</source>
      <translation>Pracownicy z oceną przypadającą w ciągu {days} dni lub zaległą: {count}</translation>
    </message>
    <message>
      <source>{count} record(s) due, {held} to be left; nothing was changed (dry run).</source>
      <translation>Rekordów do retencji: {count}, do pozostawienia: {held}; nic nie zmieniono (próba).</translation>
    </message>
    <message>
      <source>{done} record(s) deleted or anonymised, {held} left; {erased} trail entries erased to their hashes.</source>
      <translation>Usunięte lub zanonimizowane rekordy: {done}, pozostawione: {held}; wpisy dziennika zastąpione skrótami: {erased}.</translation>
    </message>
    <message>
      <source>{file}: {imported} imported, {skipped} skipped, {refused} refused; {replaced} replaced, {kept} kept, {conflicts} in conflict</source>
      <translation>{file}: zaimportowane: {imported}, pominięte: {skipped}, odrzucone: {refused}; zastąpione: {replaced}, zachowane: {kept}, w konflikcie: {conflicts}</translation>
    </message>
    <message>
      <source>{login} may not audit: {units}</source>
      <translation>{login} nie może badać komórek: {units}</translation>
    </message>
    <message>
      <source>{path}: the schedule of {count} planned visits</source>
      <translation>{path}: harmonogram zaplanowanych wizyt ({count})</translation>
    </message>
    <message>
      <source>{path}: {count} planned visits</source>
      <translation>{path}: zaplanowane wizyty ({count})</translation>
    </message>
    <message>
      <source>{path}: {created} visits added, {updated} changed</source>
      <translation>{path}: dodano wizyt: {created}, zmieniono: {updated}</translation>
    </message>
    <message>
      <source>{record_type}: kept {months} months, then {action}</source>
      <translation>{record_type}: przechowywane {months} mies., następnie {action}</translation>
    </message>
    <message>
      <source>±{points} points</source>
      <translation>±{points} pkt</translation>
    </message>
  </context>
</TS>
