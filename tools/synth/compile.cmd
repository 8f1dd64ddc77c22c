@echo off
rem The YAML runtime's compiler on Windows: runs the launcher, tools\synth\compile.exe, which prints the
rem synthesized program on stdout and nothing else (it builds the synth when a source changed; see
rem tools\synth\launcher). tools/synth/compile does the same on Linux and macOS. Once compile.exe exists,
rem the engine runs it directly: Go's os/exec completes tools/synth/compile with PATHEXT, .exe before .cmd
rem (golang/go src/os/exec/lp_windows.go). The first time, this builds the launcher itself.
rem
rem Usage: tools\synth\compile.cmd [synth options]   (the engine passes none)
rem        tools\synth\compile.cmd --print-command   (build if needed, then print the command that runs the synth)
setlocal
set "here=%~dp0"
if exist "%here%compile.exe" (
  "%here%compile.exe" %*
  goto :end
)

rem First run in this checkout: publish the launcher (native AOT, else one framework-dependent file) and
rem run it once from where it was built; it installs itself as compile.exe. No build server may outlive
rem the publish: it would hold the engine's stderr pipe open (see DotnetPublish.cs).
echo compile: building the launcher (first run in this checkout)>&2
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
set DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
set DOTNET_CLI_USE_MSBUILD_SERVER=0
where dotnet >nul 2>&1 || (
  echo compile: error: cannot run 'dotnet': install the .NET 10 SDK and put dotnet on PATH.>&2
  exit /b 1
)
set "out=%here%..\..\.synth\launcher\boot-%RANDOM%%RANDOM%"
call :publish
if errorlevel 1 (
  echo compile: no native AOT launcher here; building it framework-dependent>&2
  call :publish -p:PublishAot=false -p:PublishSingleFile=true --self-contained false
)
if errorlevel 1 (
  if exist "%out%" rmdir /s /q "%out%"
  echo compile: error: the launcher does not build ^(the errors are above^); fix tools\synth\launcher and run again.>&2
  exit /b 1
)
"%out%\app\synth-launcher.exe" %*
set status=%errorlevel%
rmdir /s /q "%out%"
exit /b %status%

:publish
if exist "%out%" rmdir /s /q "%out%"
dotnet publish "%here%launcher\SynthLauncher.csproj" --disable-build-servers --nologo -v q -c Release --artifacts-path "%out%\artifacts" -o "%out%\app" %* 1>&2
exit /b %errorlevel%

:end
exit /b %errorlevel%
