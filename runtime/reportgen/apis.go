package reportgen

// The API mix: the most frequent calls of real CAPE reports (weights are
// per-mille-ish counts taken from the largest sample report, a Windows 7
// run of 67,000 calls) plus every API the stock signatures subscribe to, at
// the low rates at which they occur in practice. Each argument has its CAPE
// name (list-shaped {name, value}) and its Cuckoo 2 name (object-shaped,
// lower case), and a value kind.

// kind is how an argument's value is generated.
type kind uint8

const (
	kHandle   kind = iota // "0x000002a0"
	kCurProc              // "0xffffffffffffffff" (the current process)
	kAddr                 // "0x00523000"
	kSize                 // "0x00001000" (a number in Cuckoo 2)
	kProtect              // page protection, with pretty_value
	kAccess               // access mask, with pretty_value
	kDispose              // create disposition, with pretty_value
	kCreateFl             // CreateProcess flags, with pretty_value
	kRegRoot              // "0xffffffff80000002"
	kFile                 // a file path
	kDevice               // a device or pipe name
	kKey                  // a full registry key
	kSubKey               // a registry key below its root
	kValName              // a registry value name
	kRegType              // REG_SZ etc., with pretty_value
	kModule               // a DLL name
	kModPath              // a DLL path
	kFunc                 // an exported function name
	kOrdinal              // "0" mostly
	kCmd                  // a command line
	kMillis               // a delay in milliseconds
	kPID                  // a process id
	kTID                  // a thread id
	kSmall                // a small decimal count or index
	kText                 // a short console or file buffer
	kYesNo                // "no", rarely "yes"
	kEmpty                // ""
	kIP                   // an IPv4 address
	kPort                 // a port number
	kHost                 // a host name
	kURL                  // a URL
	kStatus               // a short status word
	kProcName             // an executable name
	kGUID                 // a CLSID
)

type arg struct {
	cape, c2 string
	k        kind
}

type api struct {
	name, cat string
	weight    int
	args      []arg
}

func a(cape, c2 string, k kind) arg { return arg{cape, c2, k} }

var (
	argHandle   = a("Handle", "handle", kHandle)
	argFileH    = a("FileHandle", "file_handle", kHandle)
	argKeyH     = a("KeyHandle", "key_handle", kHandle)
	argProcH    = a("ProcessHandle", "process_handle", kCurProc)
	argRProcH   = a("ProcessHandle", "process_handle", kHandle)
	argThreadH  = a("ThreadHandle", "thread_handle", kHandle)
	argBase     = a("BaseAddress", "base_address", kAddr)
	argRegion   = a("RegionSize", "region_size", kSize)
	argFullName = a("FullName", "regkey", kKey)
	argValName  = a("ValueName", "value_name", kValName)
	argStack    = a("StackPivoted", "stack_pivoted", kYesNo)
	argHName    = a("HandleName", "handle_name", kFile)
	argLength   = a("Length", "length", kSize)
	argFileName = a("FileName", "filepath", kFile)
)

var apis = []api{
	{"NtClose", "system", 788, []arg{argHandle}},
	{"NtAllocateVirtualMemory", "process", 300, []arg{argProcH, argBase, argRegion, a("Protection", "protection", kProtect), argStack}},
	{"RegOpenKeyExW", "registry", 517, []arg{a("Registry", "base_handle", kRegRoot), a("SubKey", "regkey_r", kSubKey), argHandle, argFullName}},
	{"RegQueryValueExW", "registry", 515, []arg{argHandle, argValName, a("Type", "reg_type", kRegType), argFullName}},
	{"RegCloseKey", "registry", 513, []arg{argHandle}},
	{"NtOpenKeyEx", "registry", 500, []arg{argKeyH, a("DesiredAccess", "desired_access", kAccess), a("ObjectAttributes", "regkey", kKey)}},
	{"WriteConsoleA", "misc", 200, []arg{a("ConsoleHandle", "console_handle", kHandle), a("Buffer", "buffer", kText)}},
	{"NtQueryValueKey", "registry", 438, []arg{argKeyH, argValName, a("Type", "reg_type", kRegType), argFullName}},
	{"RegEnumKeyExW", "registry", 307, []arg{argHandle, a("Index", "index", kSmall), a("Name", "key_name", kValName), argFullName}},
	{"RegEnumValueW", "registry", 212, []arg{argHandle, a("Index", "index", kSmall), argValName, argFullName}},
	{"NtFreeVirtualMemory", "process", 210, []arg{argProcH, argBase, argRegion, a("FreeType", "free_type", kSize)}},
	{"NtCreateFile", "filesystem", 210, []arg{argFileH, a("DesiredAccess", "desired_access", kAccess), argFileName, a("CreateDisposition", "create_disposition", kDispose), a("ShareAccess", "share_access", kSmall), a("ExistedBefore", "existed_before", kYesNo), argStack}},
	{"RegCreateKeyExW", "registry", 194, []arg{a("Registry", "base_handle", kRegRoot), a("SubKey", "regkey_r", kSubKey), argHandle, argFullName}},
	{"NtQueryInformationFile", "filesystem", 143, []arg{argFileH, argHName, a("FileInformationClass", "information_class", kSmall)}},
	{"HeapCreate", "process", 129, []arg{a("Options", "options", kSize), a("InitialSize", "initial_size", kSize), a("MaximumSize", "maximum_size", kSize)}},
	{"NtReadFile", "filesystem", 110, []arg{argFileH, argHName, a("Buffer", "buffer", kText), argLength}},
	{"CryptDecodeObjectEx", "crypto", 91, []arg{a("CertEncodingType", "encoding_type", kSize), a("StructType", "struct_type", kSmall), a("Flags", "flags", kSize)}},
	{"RegQueryInfoKeyW", "registry", 90, []arg{argHandle, argFullName}},
	{"NtUnmapViewOfSection", "process", 80, []arg{argProcH, argBase, a("RegionSize", "region_size", kSize)}},
	{"NtMapViewOfSection", "process", 80, []arg{a("SectionHandle", "section_handle", kHandle), argProcH, argBase, a("SectionOffset", "section_offset", kSize), a("ViewSize", "view_size", kSize), a("Win32Protect", "win32_protect", kProtect)}},
	{"GetSystemTimeAsFileTime", "misc", 57, nil},
	{"LdrGetProcedureAddress", "system", 54, []arg{a("ModuleName", "module", kModule), a("ModuleHandle", "module_address", kAddr), a("FunctionName", "function_name", kFunc), a("Ordinal", "ordinal", kOrdinal), a("FunctionAddress", "function_address", kAddr)}},
	{"CryptGenRandom", "crypto", 54, []arg{a("Provider", "provider", kHandle), a("Length", "length", kSize)}},
	{"NtQueryInformationToken", "process", 38, []arg{a("TokenHandle", "token_handle", kHandle), a("TokenInformationClass", "information_class", kSmall)}},
	{"NtOpenProcessToken", "process", 29, []arg{argProcH, a("DesiredAccess", "desired_access", kAccess), a("TokenHandle", "token_handle", kHandle)}},
	{"CoCreateInstance", "com", 22, []arg{a("rclsid", "clsid", kGUID), a("ClsContext", "class_context", kSmall), a("riid", "iid", kGUID)}},
	{"NtWriteFile", "filesystem", 17, []arg{argFileH, argHName, a("Buffer", "buffer", kText), argLength}},
	{"NtOpenFile", "filesystem", 12, []arg{argFileH, a("DesiredAccess", "desired_access", kAccess), argFileName, a("ShareAccess", "share_access", kSmall)}},
	{"NtQueryAttributesFile", "filesystem", 10, []arg{argFileName}},
	{"NtDeviceIoControlFile", "device", 6, []arg{argFileH, a("IoControlCode", "control_code", kSize), a("InputBuffer", "input_buffer", kText)}},
	{"FindFirstFileExW", "filesystem", 6, []arg{a("FileName", "filepath", kFile), a("FindFileHandle", "find_handle", kHandle)}},
	{"NtOpenKey", "registry", 10, []arg{argKeyH, a("DesiredAccess", "desired_access", kAccess), a("ObjectAttributes", "regkey", kKey)}},
	{"GetSystemMetrics", "misc", 8, []arg{a("SystemMetricIndex", "index", kSmall)}},
	{"NtQuerySystemInformation", "system", 6, []arg{a("SystemInformationClass", "information_class", kSmall)}},
	{"IsDebuggerPresent", "system", 2, nil},
	{"GetComputerNameW", "misc", 2, []arg{a("ComputerName", "computer_name", kStatus)}},
	{"CreateMutexW", "synchronization", 3, []arg{a("Handle", "mutant_handle", kHandle), a("MutexName", "mutant_name", kStatus), a("InitialOwner", "initial_owner", kSmall)}},

	// Subscribed to by the stock signatures (filter_apinames).
	{"NtDelayExecution", "system", 12, []arg{a("Milliseconds", "milliseconds", kMillis), a("Status", "status", kStatus)}},
	{"LdrLoadDll", "system", 8, []arg{a("Flags", "flags", kSize), a("FileName", "module_name", kModPath), argBase}},
	{"LdrGetDllHandle", "system", 6, []arg{a("FileName", "module_name", kModule), a("ModuleHandle", "module_address", kAddr)}},
	{"LoadLibraryExW", "system", 4, []arg{a("lpLibFileName", "library", kModPath), a("dwFlags", "flags", kSize)}},
	{"GetModuleHandleW", "system", 4, []arg{a("lpModuleName", "module_name", kModule)}},
	{"NtProtectVirtualMemory", "process", 15, []arg{argProcH, argBase, a("NumberOfBytesProtected", "length", kSize), a("NewAccessProtection", "protection", kProtect), a("OldAccessProtection", "old_protection", kProtect), argStack}},
	{"VirtualProtectEx", "process", 1, []arg{argRProcH, a("Address", "base_address", kAddr), a("Size", "length", kSize), a("Protection", "protection", kProtect)}},
	{"NtCreateThreadEx", "threading", 2, []arg{argThreadH, argRProcH, a("StartAddress", "start_address", kAddr), a("CreateFlags", "flags", kSize), a("ThreadId", "thread_identifier", kTID), a("ProcessId", "process_identifier", kPID)}},
	{"NtResumeThread", "threading", 2, []arg{argThreadH, a("SuspendCount", "suspend_count", kSmall), a("ProcessId", "process_identifier", kPID)}},
	{"NtSuspendThread", "threading", 1, []arg{argThreadH, a("ProcessId", "process_identifier", kPID)}},
	{"NtGetContextThread", "threading", 1, []arg{argThreadH}},
	{"NtSetContextThread", "threading", 1, []arg{argThreadH}},
	{"NtOpenProcess", "process", 3, []arg{argRProcH, a("DesiredAccess", "desired_access", kAccess), a("ProcessIdentifier", "process_identifier", kPID)}},
	{"NtWriteVirtualMemory", "process", 2, []arg{argRProcH, argBase, a("Buffer", "buffer", kText), a("BufferLength", "length", kSize)}},
	{"WriteProcessMemory", "process", 1, []arg{argRProcH, argBase, a("Buffer", "buffer", kText)}},
	{"CreateProcessInternalW", "process", 1, []arg{a("ApplicationName", "filepath", kEmpty), a("CommandLine", "command_line", kCmd), a("CreationFlags", "creation_flags", kCreateFl), a("ProcessId", "process_identifier", kPID), a("ThreadId", "thread_identifier", kTID), argRProcH, argThreadH, argStack}},
	{"ShellExecuteExW", "process", 1, []arg{a("FilePath", "filepath", kFile), a("Parameters", "parameters", kText), a("Show", "show_type", kSmall)}},
	{"NtTerminateProcess", "process", 2, []arg{argRProcH, a("ExitCode", "status_code", kSize)}},
	{"RegSetValueExW", "registry", 3, []arg{argHandle, argValName, a("Type", "reg_type", kRegType), a("Buffer", "value", kText), a("BufferLength", "length", kSize), argFullName}},
	{"NtSetValueKey", "registry", 2, []arg{argKeyH, argValName, a("Type", "reg_type", kRegType), a("Buffer", "value", kText), argFullName}},
	{"Process32NextW", "process", 3, []arg{a("SnapshotHandle", "snapshot_handle", kHandle), a("ProcessName", "process_name", kProcName), a("ProcessId", "process_identifier", kPID)}},
	{"Process32FirstW", "process", 1, []arg{a("SnapshotHandle", "snapshot_handle", kHandle), a("ProcessName", "process_name", kProcName), a("ProcessId", "process_identifier", kPID)}},
	{"Module32NextW", "process", 1, []arg{a("SnapshotHandle", "snapshot_handle", kHandle), a("ModuleName", "module_name", kModule)}},
	{"GetAdaptersAddresses", "network", 1, []arg{a("Family", "family", kSmall), a("Flags", "flags", kSize)}},
	{"DeleteFileW", "filesystem", 2, []arg{argFileName}},
	{"NtDeleteFile", "filesystem", 1, []arg{argFileName}},
	{"CopyFileW", "filesystem", 1, []arg{a("ExistingFileName", "oldfilepath", kFile), a("NewFileName", "newfilepath", kFile)}},
	{"MoveFileWithProgressW", "filesystem", 1, []arg{a("ExistingFileName", "oldfilepath", kFile), a("NewFileName", "newfilepath", kFile), a("Flags", "flags", kSize)}},
	{"SetUnhandledExceptionFilter", "hooking", 1, []arg{a("TopLevelExceptionFilter", "filter", kAddr)}},
	{"connect", "network", 1, []arg{a("socket", "socket", kHandle), a("ip", "ip_address", kIP), a("port", "port", kPort)}},
	{"InternetOpenUrlW", "network", 1, []arg{a("InternetHandle", "connect_handle", kHandle), a("URL", "url", kURL), a("Flags", "flags", kSize)}},
	{"InternetConnectW", "network", 1, []arg{a("InternetHandle", "internet_handle", kHandle), a("ServerName", "hostname", kHost), a("ServerPort", "port", kPort)}},
	{"HttpOpenRequestW", "network", 1, []arg{a("InternetHandle", "connect_handle", kHandle), a("Verb", "http_method", kStatus), a("Path", "path", kText)}},
	{"URLDownloadToFileW", "network", 1, []arg{a("URL", "url", kURL), a("FileName", "filepath", kFile)}},
	{"__exception__", "__notification__", 1, []arg{a("ExceptionCode", "exception_code", kSize), a("ExceptionAddress", "exception_address", kAddr)}},
}

var (
	dirs = []string{
		`C:\Windows\System32`, `C:\Windows\SysWOW64`, `C:\Windows`, `C:\Windows\Fonts`,
		`C:\Windows\WinSxS\x86_microsoft.windows.common-controls_6595b64144ccf1df_6.0.7601.17514_none_41e6975e2bd6f2b2`,
		`C:\Users\Rebecca\AppData\Local\Temp`, `C:\Users\Rebecca\AppData\Roaming`, `C:\Users\Rebecca\AppData\Roaming\Microsoft\Windows\Start Menu\Programs\Startup`,
		`C:\Users\Rebecca\AppData\Local\Microsoft\Windows\Temporary Internet Files\Content.IE5`,
		`C:\Users\Rebecca\Documents`, `C:\Users\Rebecca\Desktop`, `C:\ProgramData\Microsoft\Windows`,
		`C:\Program Files\Common Files\microsoft shared`, `C:\Windows\Logs\CBS`, `C:\Windows\Prefetch`,
		`\??\C:\Windows\System32`, `\Device\HarddiskVolume2\Windows\System32`,
	}
	baseNames = []string{"kernel32", "ntdll", "user32", "advapi32", "shell32", "ole32", "oleaut32", "crypt32", "wininet", "ws2_32", "msvcrt", "comctl32", "gdi32", "rpcrt4", "sechost", "setupapi", "wbemcore", "wbemprox", "CBS", "desktop", "invoice_2024", "svc", "update", "tmp4A2F", "config", "index"}
	exts      = []string{".dll", ".dll", ".dll", ".exe", ".log", ".dat", ".tmp", ".ini", ".manifest", ".mui", ".lnk", ".xml", ".txt", ".db", ".bin"}
	devices   = []string{`\Device\RasAcd`, `\Device\Afd\Endpoint`, `\??\pipe\lsarpc`, `\Device\KsecDD`, `\??\MountPointManager`, `\Device\DeviceApi\CMApi`, `\??\PIPE\wkssvc`}
	keyRoots  = []string{"HKEY_LOCAL_MACHINE", "HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER", "HKEY_CLASSES_ROOT", "HKEY_USERS\\S-1-5-21-1482476501-1645522239-1417001333-1000"}
	keyPaths  = []string{
		`SOFTWARE\Microsoft\Windows\CurrentVersion\Explorer`, `SOFTWARE\Microsoft\Windows NT\CurrentVersion`, `SYSTEM\CurrentControlSet\Control\Nls\CustomLocale`,
		`SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings`, `SYSTEM\CurrentControlSet\Services\Tcpip\Parameters`, `SOFTWARE\Policies\Microsoft\Windows\Safer\CodeIdentifiers`,
		`SOFTWARE\Microsoft\Cryptography\Defaults\Provider`, `SOFTWARE\Classes\CLSID\{4590F811-1D3A-11D0-891F-00AA004B2E24}\InprocServer32`, `SOFTWARE\Microsoft\OLEAUT`,
		`SYSTEM\ControlSet001\Control\Session Manager\Environment`, `SOFTWARE\Microsoft\Windows\CurrentVersion\SideBySide`, `SOFTWARE\Wow6432Node\Microsoft\.NETFramework`,
		`SOFTWARE\Microsoft\Windows\CurrentVersion\Run`, `SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon`, `SOFTWARE\Microsoft\WBEM\CIMOM`,
	}
	valueNames = []string{"DisableUserModeCallbackFilter", "PreferExternalManifest", "ProductName", "InstallDate", "Locale", "ProxyEnable", "Domain", "Hostname", "MachineGuid", "TransparentEnabled", "(Default)", "Shell", "Userinit", "ThreadingModel", "Logging", "Type", "Name", "Path", "Version", "Updater"}
	regTypes   = []struct{ v, pretty string }{{"1", "REG_SZ"}, {"4", "REG_DWORD"}, {"3", "REG_BINARY"}, {"2", "REG_EXPAND_SZ"}, {"7", "REG_MULTI_SZ"}}
	protects   = []struct{ v, pretty string }{{"0x00000004", "PAGE_READWRITE"}, {"0x00000004", "PAGE_READWRITE"}, {"0x00000002", "PAGE_READONLY"}, {"0x00000020", "PAGE_EXECUTE_READ"}, {"0x00000040", "PAGE_EXECUTE_READWRITE"}, {"0x00000001", "PAGE_NOACCESS"}}
	accesses   = []struct{ v, pretty string }{{"0x00020019", "KEY_READ"}, {"0x00020119", "KEY_QUERY_VALUE|KEY_ENUMERATE_SUB_KEYS|KEY_NOTIFY|KEY_WOW64_64KEY|STANDARD_RIGHTS_REQUIRED"}, {"0x80100080", "FILE_READ_ATTRIBUTES|SYNCHRONIZE|GENERIC_READ"}, {"0x00000003", "FILE_READ_ACCESS|FILE_WRITE_ACCESS"}, {"0x001f0fff", "PROCESS_ALL_ACCESS"}, {"0x00000410", "PROCESS_QUERY_INFORMATION|PROCESS_VM_READ"}}
	disposes   = []struct{ v, pretty string }{{"1", "FILE_OPEN"}, {"3", "FILE_OPEN_IF"}, {"2", "FILE_CREATE"}, {"5", "FILE_OVERWRITE_IF"}}
	createFls  = []struct{ v, pretty string }{{"0x00080020", "NORMAL_PRIORITY_CLASS|EXTENDED_STARTUPINFO_PRESENT"}, {"0x08000000", "CREATE_NO_WINDOW"}, {"0x00000004", "CREATE_SUSPENDED"}, {"0x00000000", ""}}
	modules    = []string{"kernel32.dll", "ntdll.dll", "KERNELBASE.dll", "user32.dll", "advapi32.dll", "ole32.dll", "OLEAUT32.dll", "shell32.dll", "crypt32.dll", "WININET.dll", "ws2_32.dll", "WINSPOOL.DRV", "msvcrt.dll", "sechost.dll", "bcrypt.dll", "wbemcore.dll", "uxtheme.dll", "dwmapi.dll", "comctl32.dll", "SspiCli.dll"}
	funcs      = []string{"GetProcAddress", "LoadLibraryW", "VirtualAlloc", "VirtualProtect", "IsWow64Process", "FlsAlloc", "FlsSetValue", "InitializeCriticalSectionEx", "CreateEventExW", "GetSystemTimePreciseAsFileTime", "RegOpenKeyExW", "CoInitializeEx", "InternetOpenW", "HttpSendRequestW", "CryptAcquireContextW", "GetNativeSystemInfo", "EncodePointer", "DecodePointer", "SetDefaultPrinterW", ""}
	commands   = []string{
		`cmd.exe`, `systeminfo`, `C:\Windows\system32\wbem\wmiprvse.exe -secured -Embedding`, `"C:\Windows\System32\cmd.exe" /c ping -n 3 127.0.0.1 > nul`,
		`C:\Windows\system32\svchost.exe -k DcomLaunch`, `powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0A`,
		`schtasks /create /tn "Updater" /tr "C:\Users\Rebecca\AppData\Roaming\svc.exe" /sc onlogon /f`, `vssadmin delete shadows /all /quiet`,
		`reg add HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v Updater /d C:\Users\Rebecca\AppData\Roaming\svc.exe /f`, `C:\Windows\system32\makecab.exe C:\Windows\Logs\CBS\CbsPersist_20231017223048.log`,
	}
	texts     = []string{"C", "%homedrive%\r\n", "Microsoft Windows [Version 6.1.7601]", "MZ\u0090", "OK", "Host Name:                 REBECCA-PC", "\x00\x00\x01", "GET", "/gate.php?id=4711", "C:\\Users\\Rebecca\\AppData\\Roaming\\svc.exe", "1", ""}
	statuses  = []string{"Skipped", "Skipped log limit reached", "Global\\SetupLog", "Local\\ZonesCacheCounterMutex", "REBECCA-PC", "POST", "GET"}
	procNames = []string{"System", "smss.exe", "csrss.exe", "wininit.exe", "services.exe", "lsass.exe", "svchost.exe", "explorer.exe", "vmtoolsd.exe", "VBoxService.exe", "wireshark.exe", "procmon.exe", "taskhost.exe"}
	hosts     = []string{"update.microsoft.com", "ctldl.windowsupdate.com", "time.windows.com", "gate.example-c2.net", "cdn.example-files.org", "dns.msftncsi.com", "www.google.com", "api.ipify.org"}
	guids     = []string{"{4590F811-1D3A-11D0-891F-00AA004B2E24}", "{DC12A687-737F-11CF-884D-00AA004B2E24}", "{8BC3F05E-D86B-11D0-A075-00C04FB68820}", "{00000000-0000-0000-C000-000000000046}"}
	children  = []string{"cmd.exe", "conhost.exe", "svchost.exe", "WmiPrvSE.exe", "powershell.exe", "schtasks.exe", "reg.exe", "vssadmin.exe", "TrustedInstaller.exe", "makecab.exe", "dllhost.exe", "rundll32.exe", "taskeng.exe", "regsvr32.exe"}
)
