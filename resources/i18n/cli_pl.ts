<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
  <context>
    <name>Cli</name>
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
      <source>Rebuilt the per-standard totals: {rows} row(s) in {db}</source>
      <translation>Przeliczono sumy według standardów: wiersze ({rows}) w {db}</translation>
    </message>
    <message>
      <source>interrupted; nothing half-written was kept.</source>
      <translation>przerwano; nie zachowano niczego zapisanego w połowie.</translation>
    </message>
    <message>
      <source>{count} employee(s) due within {days} days or overdue</source>
      <translation>Pracownicy z oceną przypadającą w ciągu {days} dni lub zaległą: {count}</translation>
    </message>
    <message>
      <source>{file}: {imported} imported, {skipped} skipped, {refused} refused; {replaced} replaced, {kept} kept, {conflicts} in conflict</source>
      <translation>{file}: zaimportowane: {imported}, pominięte: {skipped}, odrzucone: {refused}; zastąpione: {replaced}, zachowane: {kept}, w konflikcie: {conflicts}</translation>
    </message>
  </context>
</TS>
