; Inno Setup script: a per-user installer for hospital PCs (no administrator rights needed).
; Build on Windows after the PyInstaller one-folder build:
;   pyinstaller --noconfirm packaging\pledge-desktop.spec
;   iscc packaging\pledge-desktop.iss
; Silent install for IT:  PledgeDesktopSetup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; The data folder (%LOCALAPPDATA%\Pledge Desktop) is never inside the install folder, so
; upgrading or uninstalling the app never touches the data.

#define AppName "Pledge Desktop"
#define AppVersion "0.1.0"
#define AppExe "pledge-desktop.exe"

[Setup]
AppId={{7D6B8C1E-2F4A-4C55-9A3E-5B1F0C2D7E91}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Pledge Desktop
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} installer
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=PledgeDesktopSetup-{#AppVersion}
SetupIconFile=pledge-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
; the whole one-folder build: both programs, Python, Qt and the app's resources
Source: "..\dist\pledge-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} demo (fictional data)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent
