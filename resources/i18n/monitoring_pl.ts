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
        <source>Encoding: %1.</source>
        <translation>Kodowanie: %1.</translation>
    </message>
    <message>
        <source>Lines above the header skipped: %1.</source>
        <translation>Pominięto wiersze nad nagłówkiem: %1.</translation>
    </message>
    <message>
        <source>Columns of the file and the fields they hold</source>
        <translation>Kolumny pliku i pola, które zawierają</translation>
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
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>(skip)</source>
        <translation>(pomiń)</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Pierwsze wiersze pliku</translation>
    </message>
    <message>
        <source>The mapping is remembered under this name and chosen again for files with the same header row.</source>
        <translation>Przyporządkowanie zostanie zapamiętane pod tą nazwą i wybrane ponownie dla plików o takim samym wierszu nagłówka.</translation>
    </message>
    <message>
        <source>&amp;Remember as</source>
        <translation>&amp;Zapamiętaj jako</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importuj</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>kolumna %1</translation>
    </message>
    <message>
        <source>mapped</source>
        <translation>przypisana</translation>
    </message>
    <message>
        <source>left out on purpose</source>
        <translation>świadomie pominięta</translation>
    </message>
    <message>
        <source>unknown: named like %1; map it or choose (skip)</source>
        <translation>nieznana: nazwana jak %1; przypisz ją albo wybierz (pomiń)</translation>
    </message>
    <message>
        <source>unknown: not imported</source>
        <translation>nieznana: nie zostanie zaimportowana</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>Wybierz kolumnę dla: %1</translation>
    </message>
    <message>
        <source>Choose each field for one column only: %1</source>
        <translation>Każde pole wybierz tylko dla jednej kolumny: %1</translation>
    </message>
    <message>
        <source>Columns named like a field: %1. Choose the field each holds, or (skip) to leave it out on purpose.</source>
        <translation>Kolumny nazwane jak pole: %1. Wybierz pole, które zawiera każda z nich, albo (pomiń), aby świadomie ją pominąć.</translation>
    </message>
    <message>
        <source>Give the mapping a name to remember it by.</source>
        <translation>Nadaj przyporządkowaniu nazwę, pod którą zostanie zapamiętane.</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <source>Import refused</source>
        <translation>Import odrzucony</translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation>Problemy znalezione w pliku</translation>
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
