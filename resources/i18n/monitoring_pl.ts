<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>Panels</name>
    <message>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
</context>
</TS>
