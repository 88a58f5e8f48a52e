---@meta test
-- sigrun: the API of signature tests (NAME_test.lua, run by `sigrun test`). Each global
-- function test_* is a test; it stops at the first failing assertion.
-- Written by `sigrun types`; regenerate rather than edit.

---What run_signature returns for one signature.
---@class sigrun.TestResult
---@field matched boolean
---@field data table[] the marks, decoded from JSON
---@field error? string the signature's error, "file:line: message"; a test that never reads it fails when the signature raised
---@field markcount? integer the number of marks recorded when more than markcount were

---Runs one signature (default: the one in NAME.lua beside this NAME_test.lua) over a report:
---a Lua table encoded as JSON, or the path of a JSON file relative to the test file.
---Signatures of a lower order run first, so matched() works.
---@param report table|string
---@param name? string
---@return sigrun.TestResult
function run_signature(report, name) end

---Runs every enabled signature of the set over the report: name -> result.
---@param report table|string
---@return table<string, sigrun.TestResult>
function run_signatures(report) end

---Fails the test unless v is true (not nil or false).
---@param v any
---@param message? string
function assert_true(v, message) end

---Fails the test unless v is false or nil.
---@param v any
---@param message? string
function assert_false(v, message) end

---Fails the test unless got and want are deeply equal (tables by keys and values);
---the failure shows where they differ and both values.
---@param got any
---@param want any
---@param message? string
function assert_eq(got, want, message) end

---Fails the test unless s matches the Lua pattern.
---@param s any
---@param pattern string
---@param message? string
function assert_match(s, pattern, message) end

---Ends the test as skipped.
---@param reason? string
function skip(reason) end
