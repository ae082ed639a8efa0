"""The syntax check ``reprolab script`` runs before it accepts a file."""

from reprolab_probe import syntax


def test_python_parses_and_nothing_runs(tmp_path):
    script = tmp_path / "train.py"
    script.write_text("import sys\nopen(sys.argv[0] + '.ran', 'w')\n")
    assert syntax.main([str(script)]) == 0
    assert not (tmp_path / "train.py.ran").exists()
    assert not (tmp_path / "__pycache__").exists()


def test_a_data_file_names_the_line(tmp_path, capsys):
    data = tmp_path / "data.py"
    data.write_text("1,2,3\n4 5 6\n")
    assert syntax.main([str(data)]) == 1
    assert capsys.readouterr().out.startswith("line 2: ")


def test_nul_bytes_are_not_python(tmp_path, capsys):
    blob = tmp_path / "blob.py"
    blob.write_bytes(b"x = 1\x00\n")
    assert syntax.main([str(blob)]) == 1
    assert capsys.readouterr().out.strip() != ""
