<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>BulkExportDialog</name>
    <message>
        <source>Export protocols for HR</source>
        <translation>Eksport protokołów dla kadr</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Prze&amp;glądaj…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
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
        <source>All units</source>
        <translation>Wszystkie komórki</translation>
    </message>
    <message>
        <source>&amp;Unit (with sub-units):</source>
        <translation>&amp;Komórka (z podległymi):</translation>
    </message>
    <message>
        <source>Audits and appraisals</source>
        <translation>Badania i oceny</translation>
    </message>
    <message>
        <source>Mystery-client audits</source>
        <translation>Badania „Tajemniczy Klient”</translation>
    </message>
    <message>
        <source>Appraisals</source>
        <translation>Oceny okresowe</translation>
    </message>
    <message>
        <source>&amp;Records:</source>
        <translation>&amp;Rekordy:</translation>
    </message>
    <message>
        <source>&amp;Sign unsigned protocols (locks the records)</source>
        <translation>&amp;Podpisz niepodpisane protokoły (blokuje rekordy)</translation>
    </message>
    <message>
        <source>Certificate file (PKCS#12)</source>
        <translation>Plik certyfikatu (PKCS#12)</translation>
    </message>
    <message>
        <source>Card or token “%1” (settings)</source>
        <translation>Karta lub token „%1” (z ustawień)</translation>
    </message>
    <message>
        <source>Sign &amp;with:</source>
        <translation>Podpisz za pomo&amp;cą:</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Przeg&amp;lądaj…</translation>
    </message>
    <message>
        <source>Certificate file:</source>
        <translation>Plik certyfikatu:</translation>
    </message>
    <message>
        <source>&amp;Password or PIN:</source>
        <translation>&amp;Hasło lub PIN:</translation>
    </message>
    <message>
        <source>One &amp;ZIP file instead of separate files</source>
        <translation>Jeden plik &amp;ZIP zamiast osobnych plików</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Eksportuj</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Folder eksportu</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Plik certyfikatu</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Choose the export folder.</source>
        <translation>Wybierz folder eksportu.</translation>
    </message>
    <message>
        <source>Choose the certificate file to sign with.</source>
        <translation>Wybierz plik certyfikatu do podpisu.</translation>
    </message>
    <message>
        <source>Exporting protocols…</source>
        <translation>Eksport protokołów…</translation>
    </message>
    <message>
        <source>Exported %1 of %2 protocols to %3 (%4 signed now).</source>
        <translation>Wyeksportowano %1 z %2 protokołów do %3 (teraz podpisano: %4).</translation>
    </message>
    <message>
        <source>Cancelled. Files already finished were kept whole; nothing half-written was left.</source>
        <translation>Przerwano. Pliki już ukończone zostały zachowane w całości; nie pozostał żaden plik zapisany częściowo.</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Protocols</source>
        <translation>Protokoły</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Protocol preview</source>
        <translation>Podgląd protokołu</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Strona %1</translation>
    </message>
</context>
<context>
    <name>ProtocolDialog</name>
    <message>
        <source>Draw signature: %1…</source>
        <translation>Złóż podpis odręczny: %1…</translation>
    </message>
    <message>
        <source>Sign &amp;electronically…</source>
        <translation>Podpisz &amp;elektronicznie…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Zapisz PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokół</translation>
    </message>
    <message>
        <source>Protocol %1</source>
        <translation>Protokół %1</translation>
    </message>
    <message>
        <source>Signed electronically by %1 on %2 (UTC). The record is locked; this is the stored signed file.</source>
        <translation>Podpisany elektronicznie przez: %1, dnia %2 (UTC). Rekord jest zablokowany; widoczny jest przechowywany podpisany plik.</translation>
    </message>
    <message>
        <source>Not signed yet. Check the preview, add the drawn signatures, then sign electronically.</source>
        <translation>Jeszcze niepodpisany. Sprawdź podgląd, złóż podpisy odręczne, a następnie podpisz elektronicznie.</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Liczba stron: %1</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Podpis</translation>
    </message>
    <message>
        <source>Signing failed</source>
        <translation>Nie udało się podpisać</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Podpisywanie…</translation>
    </message>
    <message>
        <source>Save protocol</source>
        <translation>Zapisz protokół</translation>
    </message>
    <message>
        <source>The protocol was saved as:
%1</source>
        <translation>Protokół zapisano jako:
%1</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Otwórz folder</translation>
    </message>
</context>
<context>
    <name>Protocols</name>
    <message>
        <source>This file carries no electronic signature.</source>
        <translation>Ten plik nie zawiera podpisu elektronicznego.</translation>
    </message>
    <message>
        <source>Signer: %1</source>
        <translation>Podpisujący: %1</translation>
    </message>
    <message>
        <source>Signing time: %1</source>
        <translation>Czas podpisu: %1</translation>
    </message>
    <message>
        <source>Intact: yes</source>
        <translation>Nienaruszony: tak</translation>
    </message>
    <message>
        <source>Intact: NO — the file was changed after signing</source>
        <translation>Nienaruszony: NIE — plik zmieniono po podpisaniu</translation>
    </message>
    <message>
        <source>Qualified certificate: yes</source>
        <translation>Certyfikat kwalifikowany: tak</translation>
    </message>
    <message>
        <source>Qualified certificate: no</source>
        <translation>Certyfikat kwalifikowany: nie</translation>
    </message>
    <message>
        <source>Matches the stored protocol of %1</source>
        <translation>Zgodny z protokołem przechowywanym w bazie: %1</translation>
    </message>
    <message>
        <source>No protocol stored in the database has this SHA-256.</source>
        <translation>Żaden protokół przechowywany w bazie nie ma tego skrótu SHA-256.</translation>
    </message>
    <message>
        <source>Verify a signed protocol</source>
        <translation>Weryfikacja podpisanego protokołu</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Weryfikacja</translation>
    </message>
    <message>
        <source>Protocol… (Ctrl+P)</source>
        <translation>Protokół… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Audytor</translation>
    </message>
    <message>
        <source>Appraiser</source>
        <translation>Oceniający</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Pracownik</translation>
    </message>
</context>
<context>
    <name>ProtocolsPanel</name>
    <message>
        <source>&amp;Export for HR…</source>
        <translation>&amp;Eksport dla kadr…</translation>
    </message>
    <message>
        <source>&amp;Verify a signed PDF…</source>
        <translation>&amp;Weryfikuj podpisany PDF…</translation>
    </message>
    <message>
        <source>&amp;Open protocol</source>
        <translation>&amp;Otwórz protokół</translation>
    </message>
    <message>
        <source>Signed protocols</source>
        <translation>Podpisane protokoły</translation>
    </message>
    <message>
        <source>Signed protocols: %1</source>
        <translation>Podpisane protokoły: %1</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign electronically</source>
        <translation>Podpis elektroniczny</translation>
    </message>
    <message>
        <source>Certificate &amp;file (PKCS#12)</source>
        <translation>&amp;Plik certyfikatu (PKCS#12)</translation>
    </message>
    <message>
        <source>Smart &amp;card or token (PKCS#11)</source>
        <translation>&amp;Karta lub token (PKCS#11)</translation>
    </message>
    <message>
        <source>Token %1, key %2</source>
        <translation>Token %1, klucz %2</translation>
    </message>
    <message>
        <source>Set the PKCS#11 module and token in Settings</source>
        <translation>Wskaż moduł i token PKCS#11 w Ustawieniach</translation>
    </message>
    <message>
        <source>signer.p12</source>
        <translation>podpis.p12</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Przeglądaj…</translation>
    </message>
    <message>
        <source>Certificate file:</source>
        <translation>Plik certyfikatu:</translation>
    </message>
    <message>
        <source>&amp;Password or PIN:</source>
        <translation>&amp;Hasło lub PIN:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>P&amp;owód:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Miejsce:</translation>
    </message>
    <message>
        <source>Signature with a time stamp (PAdES B-T): the time of signing is confirmed by the time-stamp server</source>
        <translation>Podpis ze znacznikiem czasu (PAdES B-T): czas złożenia podpisu potwierdza serwer znacznika czasu</translation>
    </message>
    <message>
        <source>Basic signature (PAdES B-B), without a time stamp: the time of signing is taken from this computer (set a time-stamp server in Settings to add one)</source>
        <translation>Podpis podstawowy (PAdES B-B), bez znacznika czasu: czas złożenia podpisu pochodzi z zegara tego komputera (aby go dodać, ustaw serwer znacznika czasu w Ustawieniach)</translation>
    </message>
    <message>
        <source>Signature type:</source>
        <translation>Rodzaj podpisu:</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Podpisz</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Plik certyfikatu</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Choose the certificate file.</source>
        <translation>Wybierz plik certyfikatu.</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Signature: %1</source>
        <translation>Podpis: %1</translation>
    </message>
    <message>
        <source>Sign in the box with the mouse, a pen or a finger.</source>
        <translation>Złóż podpis w polu myszą, piórem lub palcem.</translation>
    </message>
    <message>
        <source>&amp;Undo stroke</source>
        <translation>&amp;Cofnij pociągnięcie</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Wyczyść</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>Pole podpisu</translation>
    </message>
</context>
<context>
    <name>SignedTableModel</name>
    <message>
        <source>Audit</source>
        <translation>Badanie</translation>
    </message>
    <message>
        <source>Appraisal</source>
        <translation>Ocena</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Podpisujący</translation>
    </message>
    <message>
        <source>Signed (UTC)</source>
        <translation>Podpisano (UTC)</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Poziom</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
</TS>
