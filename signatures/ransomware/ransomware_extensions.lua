name = "ransomware_extensions"
description = "Appends a known ransomware file extension to files that have been encrypted"
severity = 3
categories = {"ransomware"}
authors = {"sigrun"}
references = {"https://attack.mitre.org/techniques/T1486/"}
ttps = {"T1486"}

-- A written file counts when its name is another file's full name plus a
-- known ransomware suffix and that original file was deleted or renamed
-- away. Needing the original to disappear keeps ordinary files that merely
-- carry the same extension (.locked, .crypt ...) from matching.
-- At least MIN_FILES such files are required.

local MIN_FILES = 3

local FAMILIES = {
  {family = "SunCrypt", suffix = "\\.[0-9A-Fa-f]{64}$"},
  {family = "WannaCry", suffix = "\\.(wncry|wnry|wcry)$"},
  {family = "Locky", suffix = "\\.(locky|zepto|odin|thor|aesir|zzzzz|osiris|lukitus|diablo6)$"},
  {family = "Cerber", suffix = "\\.cerber[0-9]?$"},
  {family = "Ryuk", suffix = "\\.ryk$"},
  {family = "LockBit", suffix = "\\.(lockbit|abcd)$"},
  {family = "Conti", suffix = "\\.conti$"},
  {family = "Phobos", suffix = "\\.id\\[[0-9A-Fa-f]{8}-[0-9]{4}\\]\\.\\[[^\\]]+\\]\\.[a-z0-9]+$"},
  {family = "Dharma", suffix = "\\.id-[0-9A-Fa-f]{8}\\.\\[[^\\]]+\\]\\.[a-z0-9]+$"},
  {family = "STOP/Djvu", suffix = "\\.(djvu|djvuu|uudjvu|udjvu|djvuq|djvur|djvut|pdff|tro|tfude|tfudet|rumba|adobe|promos|kiop|boot|nury)$"},
  {family = "GandCrab", suffix = "\\.(gdcb|crab|krab)$"},
  {family = "TeslaCrypt", suffix = "\\.(vvv|ecc|ezz|exx|xxx|ttt|micro|aaa|abc|ccc|zzz|xyz)$"},
  {family = "CryptoLocker and generic", suffix = "\\.(encrypted|enc|crypted|crypt|locked|crinf|r5a|xrtn)$"},
  {family = "Petya/NotPetya", suffix = "\\.(petya)$"},
  {family = "Maze", suffix = "\\.maze$"},
  {family = "REvil/Sodinokibi", suffix = "\\.(sodinokibi|sodin)$"},
  {family = "Hive", suffix = "\\.hive$"},
  {family = "BlackCat", suffix = "\\.(sykffle)$"},
}

local function norm(p) return path.normalize(p):lower() end

function run(results)
  local gone = {}
  for _, f in ipairs(check_delete_file(".*", {regex = true, all = true})) do gone[norm(f)] = true end
  local written = check_write_file(".*", {regex = true, all = true})
  local hits = {}      -- family -> list of files
  local order = {}
  for _, f in ipairs(written) do
    for _, fam in ipairs(FAMILIES) do
      local suffix = re.find(f, "(?i)" .. fam.suffix)
      if suffix then
        local original = f:sub(1, #f - #suffix)
        -- the original must have had a name of its own with an extension
        if gone[norm(original)] and path.extension(original) ~= "" then
          if hits[fam.family] == nil then
            hits[fam.family] = {}
            order[#order + 1] = fam.family
          end
          table.insert(hits[fam.family], f)
          break
        end
      end
    end
  end
  for _, family in ipairs(order) do
    local files = hits[family]
    if #files >= MIN_FILES then
      mark({family = family, count = #files, example = files[1]})
    end
  end
  return has_marks()
end
