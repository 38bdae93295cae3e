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
        <source>&amp;Values…</source>
        <translation>&amp;Wartości…</translation>
    </message>
    <message>
        <source>The words the file writes in the column in focus, and what each is read as</source>
        <translation>Słowa, które plik zapisuje w wybranej kolumnie, i jak każde z nich zostanie odczytane</translation>
    </message>
    <message>
        <source>&amp;Load mapping…</source>
        <translation>&amp;Wczytaj mapowanie…</translation>
    </message>
    <message>
        <source>Sa&amp;ve mapping…</source>
        <translation>Za&amp;pisz mapowanie…</translation>
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
    <message>
        <source>Choose the field column %1 holds first; then map its values.</source>
        <translation>Najpierw wybierz pole, które zawiera kolumna %1; potem przypisz jej wartości.</translation>
    </message>
    <message>
        <source>Column %1 holds too many different words to map one by one (free text, names or dates): nothing to map.</source>
        <translation>Kolumna %1 zawiera zbyt wiele różnych słów, by przypisać je pojedynczo (wolny tekst, nazwiska lub daty): nie ma czego mapować.</translation>
    </message>
    <message>
        <source>%1: this file has no column %2</source>
        <translation>%1: ten plik nie ma kolumny %2</translation>
    </message>
    <message>
        <source>%1: %2 is not a field of this import (column %3)</source>
        <translation>%1: %2 nie jest polem tego importu (kolumna %3)</translation>
    </message>
    <message>
        <source>%1: %2 is not a field of this import (values)</source>
        <translation>%1: %2 nie jest polem tego importu (wartości)</translation>
    </message>
    <message>
        <source>Load mapping</source>
        <translation>Wczytaj mapowanie</translation>
    </message>
    <message>
        <source>Mapping files (*.json);;All files (*)</source>
        <translation>Pliki mapowania (*.json);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Mapping loaded from %1.</source>
        <translation>Wczytano mapowanie z pliku %1.</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Zapisz mapowanie</translation>
    </message>
    <message>
        <source>Mapping files (*.json)</source>
        <translation>Pliki mapowania (*.json)</translation>
    </message>
    <message>
        <source>Mapping saved to %1.</source>
        <translation>Zapisano mapowanie w pliku %1.</translation>
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
        <translation>Monitorowanie</translation>
    </message>
</context>
<context>
    <name>ValueWordsDialog</name>
    <message>
        <source>Values of %1</source>
        <translation>Wartości kolumny %1</translation>
    </message>
    <message>
        <source>Column %1 holds %2. Say what each word of the file is read as; leave “(as written)” where the import understands it.</source>
        <translation>Kolumna %1 zawiera: %2. Wskaż, jak odczytać każde słowo z pliku; zostaw „(jak w pliku)” tam, gdzie import je rozumie.</translation>
    </message>
    <message>
        <source>Words of the file and what they are read as</source>
        <translation>Słowa z pliku i jak są odczytywane</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>W pliku</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Odczytaj jako</translation>
    </message>
    <message>
        <source>%1 is read as</source>
        <translation>%1 odczytaj jako</translation>
    </message>
    <message>
        <source>(as written)</source>
        <translation>(jak w pliku)</translation>
    </message>
</context>
</TS>
