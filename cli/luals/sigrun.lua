---@meta sigrun
-- sigrun: the signature contract. A signature is one NAME.lua that sets metadata
-- globals and defines hooks; see DESIGN.md "The signature contract". Written by
-- `sigrun types`; regenerate rather than edit.

-- Metadata ---------------------------------------------------------------------

---Signature name: lowercase letters, digits and _, unique in the set. Required.
---@type string
name = nil

---What the behaviour is, shown with each match. Required, non-empty.
---@type string
description = nil

---1..10; 1 informative, 2 suspicious, 3 malicious. Required.
---@type integer
severity = nil

---@type string[]
categories = nil

---Malware families this signature identifies.
---@type string[]
families = nil

---@type string[]
authors = nil

---@type string[]
references = nil

---MITRE ATT&CK technique ids, e.g. {"T1055", "T1055.012"}.
---@type string[]
ttps = nil

---Default true; false skips the signature.
---@type boolean
enabled = nil

---Cuckoo 1.x spelling of `enabled`.
---@type boolean
enable = nil

---Copied to the output; default false.
---@type boolean
alert = nil

---Lower runs earlier (default 1); matched() sees only signatures of a lower order.
---@type integer
order = nil

---At most this many data entries are kept (default 50, 1..10000).
---@type integer
markcount = nil

---Exact, case-sensitive API names whose calls reach on_call, e.g. {"NtWriteVirtualMemory"}.
---@type string[]
filter_apinames = nil

---Exact call categories whose calls reach on_call ("process", "registry", "file", "network", ...).
---@type string[]
filter_categories = nil

---Process names (case-insensitive) whose processes and calls reach on_process and on_call.
---@type string[]
filter_processnames = nil

---Argument name -> substrings (case-insensitive): a call reaches on_call only if one listed
---argument contains one of its substrings, e.g. {CommandLine = {"vssadmin", "shadowcopy"}}.
---@type table<string, string[]>
filter_arguments = nil

-- Hooks ------------------------------------------------------------------------

---Called once per report, after the calls and on_complete. Return true to match; a
---second value, a list of tables, is appended to data.
---@param results sigrun.Results the whole report (read-only)
---@return boolean? matched
---@return table[]? data
function run(results) end

---Called once per process when the pass over the calls enters it.
---@param process sigrun.Process
---@return boolean? matched
function on_process(process) end

---Called for each call that passes the filters, in report order. Returning true matches
---and stops the calls for this signature.
---@param call sigrun.Call the report's own call object (read-only)
---@param process sigrun.Process
---@return boolean? done
function on_call(call, process) end

---Called once per report after the calls, before run. Returning false prevents a match
---from marks alone.
---@return boolean? matched
function on_complete() end

-- Helpers ----------------------------------------------------------------------

---Options of the check_* helpers.
---@class sigrun.CheckOptions
---@field regex? boolean pattern is a Go RE2 regex matched at the start of each item, case-insensitively (default: whole item, case-insensitive)
---@field all? boolean return a list of every matching item instead of the first
---@field pid? integer|string check_api only: the calls of this process

---check_* options that return every match.
---@class sigrun.CheckAllOptions: sigrun.CheckOptions
---@field all true

---Appends t to this signature's data as a JSON object (the evidence of the match).
---@param t table
function mark(t) end

---Inside on_call: appends {type = "call", pid = P, cid = C, call = {...}} for the current call.
function mark_call() end

---Appends {type = "ioc", category = category, ioc = ioc, description = description}.
---@param category string
---@param ioc any
---@param description? string
function mark_ioc(category, ioc, description) end

---Whether this signature recorded a mark for this report.
---@return boolean
function has_marks() end

---Whether signature name already matched this report (only signatures of a lower order have run).
---@param name string
---@return boolean
function matched(name) end

---The value of the call's argument name, for both shapes (list of {name, value} and object).
---With several names, the value of the first one present.
---@param call sigrun.Call
---@param name string
---@param ... string
---@return any
function get_argument(call, name, ...) end

---A number from a report value: numbers as they are, strings as hexadecimal ("0x40") or decimal; nil otherwise.
---@param v any
---@return number?
function to_int(v) end

---The call's return value (return_value or return).
---@param call sigrun.Call
---@return any
function get_return(call) end

---The normalised processes of the report.
---@return sigrun.Process[]
function processes() end

---Files touched (any access).
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean options, or regex in the Cuckoo positional form
---@param all? boolean positional form only
---@return string? item the first matching item
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_file(pattern, opts, all) end

---Files read.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_read_file(pattern, opts, all) end

---Files written or created.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_write_file(pattern, opts, all) end

---Files deleted.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_delete_file(pattern, opts, all) end

---Registry keys touched.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_key(pattern, opts, all) end

---Registry keys read.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_read_key(pattern, opts, all) end

---Registry keys written.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_write_key(pattern, opts, all) end

---Registry keys deleted.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_delete_key(pattern, opts, all) end

---Mutexes.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_mutex(pattern, opts, all) end

---Executed command lines.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_command(pattern, opts, all) end

---Services created or started.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_service(pattern, opts, all) end

---API names called (opts.pid restricts to one process).
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_api(pattern, opts, all) end

---IP addresses: hosts and connections.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_ip(pattern, opts, all) end

---Domains: DNS requests and resolved hosts.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_domain(pattern, opts, all) end

---HTTP URIs.
---@param pattern string
---@param opts? sigrun.CheckOptions|boolean
---@param all? boolean
---@return string?
---@overload fun(pattern: string, opts: sigrun.CheckAllOptions): string[]
function check_url(pattern, opts, all) end
