; Inno Setup script of the AuditDesk installer for Windows (issue 20; docs/install.md).
;
; Made on a Windows computer, after the frozen folder was built and signed there:
;   python scripts\build-app.py                    -> dist\app\auditdesk\auditdesk.exe
;   signtool sign ... dist\app\auditdesk\auditdesk.exe   (the office's code-signing certificate)
;   iscc /DAppVersion=0.1.0 packaging\windows\auditdesk.iss
;                                                  -> dist\installer\AuditDesk-0.1.0-setup.exe
; With a sign tool configured in Inno Setup (Tools > Configure Sign Tools, named "office") add
; /DSignWith=office and the installer and its uninstaller are signed as they are made;
; otherwise sign dist\installer\AuditDesk-*-setup.exe with signtool afterwards.
;
; What it does: installs the folder for the current user (no administrator rights needed;
; an administrator may choose "for all users"), a Start-menu shortcut and optionally a
; desktop one, and an uninstaller. The database, backups, settings and logs are NOT in the
; program folder: they live in the user's profile (%LOCALAPPDATA%\AuditDesk), and the
; uninstaller leaves them (personal data: the office decides).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "AuditDesk"
#define SourceDir "..\..\dist\app\auditdesk"

[Setup]
; a fixed AppId: an upgrade replaces the earlier version instead of installing beside it
AppId={{6F0C7B52-3E1A-4C1B-9A8E-2D0B5F1A7C20}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=AuditDesk developers
AppVerName={#AppName} {#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=AuditDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\auditdesk.exe
ShowLanguageDialog=auto
#ifdef SignWith
SignTool={#SignWith}
SignedUninstaller=yes
#endif

[Languages]
Name: "polish"; MessagesFile: "compiler:Languages\Polish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole frozen folder: auditdesk.exe and _internal\ (Python, Qt, forms, fonts, translations)
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\auditdesk.exe"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\auditdesk.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\auditdesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program itself may leave in its own folder; never the user's data
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
