<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>ImportMappingDialog</name>
    <message>
        <source>Columns of %1</source>
        <translation>Kolumny pliku %1</translation>
    </message>
    <message>
        <source>%1: %2 row(s). Say which field each column holds; * marks a required one.</source>
        <translation>%1: wiersze: %2. Wskaż, które pole zawiera każda kolumna; * oznacza pole wymagane.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolumna</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Pole</translation>
    </message>
    <message>
        <source>(skip)</source>
        <translation>(pomiń)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importuj</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>Wybierz kolumnę dla: %1</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <source>Import refused</source>
        <translation>Import odrzucony</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolumna</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wartość</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Co jest nie tak</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
</context>
</TS>
