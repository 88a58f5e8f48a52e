local H = "5EB66C1ACD7A81203558D67EFCCA5E8186D7A73CEA2EFAC69EF43CD863F0466D"

function test_matches_cape_suncrypt()
  local r = run_signature({behavior = {processes = {}, summary = {
    write_files = {"C:\\d\\a.cab." .. H, "C:\\d\\b.xml." .. H:lower(), "C:\\d\\c.docx." .. H},
    delete_files = {"C:\\d\\a.cab", "C:\\d\\b.xml", "C:\\d\\c.docx"}, executed_commands = {}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].family, "SunCrypt")
  assert_eq(r.data[1].count, 3)
end

function test_matches_cuckoo2_wannacry()
  local r = run_signature({behavior = {processes = {{pid = 1, ppid = 0, process_name = "a.exe", calls = {}}},
    summary = {file_written = {"C:\\u\\1.jpg.WNCRY", "C:\\u\\2.doc.WNCRY", "C:\\u\\3.xls.WNCRY"},
               file_deleted = {"C:\\u\\1.jpg", "C:\\u\\2.doc", "C:\\u\\3.xls"}}}})
  assert_true(r.matched)
  assert_eq(r.data[1].family, "WannaCry")
end

function test_near_miss_originals_kept_or_too_few()
  local r = run_signature({behavior = {processes = {}, summary = {
    write_files = {"C:\\d\\a.cab." .. H, "C:\\d\\b.xml." .. H, "C:\\d\\c.docx." .. H, "C:\\d\\report.locked"},
    delete_files = {"C:\\d\\a.cab"}, executed_commands = {}}}})
  assert_false(r.matched)
end
