---@meta sandbox
-- sigrun: the Lua 5.1 base functions a signature may call. io, require, load,
-- loadstring, dofile, rawset, rawget, setfenv, getfenv, debug and collectgarbage
-- are not available. Written by `sigrun types`; regenerate rather than edit.

---The globals table of this signature instance.
---@type table<string, any>
_G = {}

---@type string
_VERSION = "Lua 5.1"

---Raises an error when v is false or nil; otherwise returns all its arguments.
---@generic T
---@param v T
---@param message? any
---@return T
function assert(v, message, ...) end

---Raises an error with message. level 1 (default) adds the position of the caller.
---@param message any
---@param level? integer
function error(message, level) end

---Iterates over the array part of t (1, 2, ... until nil). Works on report views.
---@generic V
---@param t V[]|table
---@return fun(t: V[], i: integer): integer, V
---@return V[]
---@return integer
function ipairs(t) end

---Iterates over all keys of t; report objects iterate in the report's key order.
---@generic K, V
---@param t table<K, V>
---@return fun(t: table<K, V>, k?: K): K, V
---@return table<K, V>
---@return nil
function pairs(t) end

---The next key and value of t after k (first when k is nil).
---@generic K, V
---@param t table<K, V>
---@param k? K
---@return K?
---@return V?
function next(t, k) end

---Calls f protected: returns true and f's results, or false and the error.
---@param f function
---@return boolean success
---@return any ...
function pcall(f, ...) end

---Like pcall, with a message handler called on error.
---@param f function
---@param handler function
---@return boolean success
---@return any ...
function xpcall(f, handler) end

---The arguments after n, or their count when n is "#".
---@param n integer|"#"
---@return any ...
function select(n, ...) end

---Converts v to a number, nil when it is not one.
---@param v any
---@param base? integer
---@return number?
function tonumber(v, base) end

---Converts v to a string.
---@param v any
---@return string
function tostring(v) end

---The type of v; report views are "table".
---@param v any
---@return "nil"|"number"|"string"|"boolean"|"table"|"function"|"thread"|"userdata"
function type(v) end

---Returns the elements of list from i to j.
---@generic T
---@param list T[]
---@param i? integer
---@param j? integer
---@return T ...
function unpack(list, i, j) end

---Sets the metatable of t and returns t.
---@generic T: table
---@param t T
---@param mt? table
---@return T
function setmetatable(t, mt) end

---The metatable of v ("report" for a report view, "string" for strings).
---@param v any
---@return any
function getmetatable(v) end

---Whether a and b are the same value, without metamethods.
---@param a any
---@param b any
---@return boolean
function rawequal(a, b) end

---Prints its arguments separated by tabs. The output is captured and shown with the
---signature's name (on stderr for `sigrun run`, under a failing test for `sigrun test`).
function print(...) end

---@class sigrun.oslib
os = {}

---Seconds since the epoch, or of the date described by t.
---@param t? {year: integer, month: integer, day: integer, hour?: integer, min?: integer, sec?: integer}
---@return integer
function os.time(t) end

---CPU time used, in seconds.
---@return number
function os.clock() end

---Formats a date (strftime format; "*t" gives a table).
---@param format? string
---@param time? integer
---@return string|table
function os.date(format, time) end
