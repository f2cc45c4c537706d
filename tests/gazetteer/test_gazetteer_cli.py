"""The geocode command and the gazetteer group (import, download, info), via CliRunner."""
from __future__ import annotations

import http.server
import io
import json
import threading
import zipfile

import click
import pytest
from click.testing import CliRunner

from gazetteer.cli import gazetteer_group, geocode_command
from gazetteer.errors import DownloadError

ROW = "\t".join(["900101", "Qaryat Testiyah", "Qaryat Testiyah", "Qaryat Testiya", "35.61", "36.55", "P", "PPL", "SY", "",
                 "12", "", "", "", "300", "", "", "Asia/Damascus", "2020-01-01"])


def test_geocode_human_and_json(gz):
    runner = CliRunner()
    res = runner.invoke(geocode_command, ["Kafr Zeita", "--context", "in the northern countryside of Hama"])
    assert res.exit_code == 0 and "Hama" in res.output
    res = runner.invoke(geocode_command, ["Latamneh", "--json"])
    d = json.loads(res.output)
    assert d["admin1"] == "Hama" and d["lat"] and d["query"] == "Latamneh"
    res = runner.invoke(geocode_command, ["Qwertyuvilleh", "--json"])
    assert res.exit_code == 1 and json.loads(res.output)["lat"] is None


def test_geocode_batch_keeps_order_and_survives_bad_lines(gz, tmp_path):
    f = tmp_path / "q.jsonl"
    f.write_text("\n".join([
        json.dumps({"name": "Tadmur"}),
        "{not json",
        json.dumps({"name": "Babila", "context": "in the southern countryside of Idlib"}),
        json.dumps({"context": "no name"}),
        json.dumps({"name": "Deir Ezzor", "context": None}),
    ]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(geocode_command, ["--batch", str(f)])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.output.splitlines()]
    assert len(lines) == 5
    assert lines[0]["admin1"] == "Homs"
    assert "error" in lines[1] and lines[1]["lat"] is None
    assert lines[2]["admin1"] == "Idlib"
    assert "error" in lines[3]
    assert lines[4]["admin1"] == "Deir ez-Zor"


def test_geocode_needs_a_name():
    res = CliRunner().invoke(geocode_command, [])
    assert res.exit_code == 2 and "NAME" in res.output


def test_every_command_has_help_with_an_example():
    commands = [geocode_command, gazetteer_group, *gazetteer_group.commands.values()]
    for cmd in commands:
        assert isinstance(cmd, click.Command)
        assert cmd.help and "Example" in cmd.help, cmd.name
        res = CliRunner().invoke(cmd, ["--help"])
        assert res.exit_code == 0 and "Example" in res.output
    assert set(gazetteer_group.commands) == {"import", "download", "info"}


def test_import_then_geocode_then_info(fresh_dirs, tmp_path):
    dump = tmp_path / "SY.txt"
    dump.write_text(ROW + "\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(gazetteer_group, ["import", str(dump)])
    assert res.exit_code == 0, res.output
    assert "imported 1 places" in res.output
    res = runner.invoke(geocode_command, ["Qaryat Testiya", "--json"])
    d = json.loads(res.output)
    assert d["geonameid"] == 900101 and d["admin1"] == "Idlib"
    res = runner.invoke(gazetteer_group, ["info", "--json"])
    info = json.loads(res.output)
    assert info["sources"]["import:SY.txt"] == 1 and info["countries"]["SY"] > 300


def test_import_bad_file_is_one_clear_line(fresh_dirs, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("foo,bar\n1,2\n")
    res = CliRunner().invoke(gazetteer_group, ["import", str(bad)])
    assert res.exit_code == 1 and "Error:" in res.output and "Traceback" not in res.output


class _Files(http.server.BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}

    def do_GET(self):  # noqa: N802 - http.server's name
        body = self.files.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def dump_server():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("SY.txt", ROW + "\n")
        zf.writestr("readme.txt", "GeoNames")
    _Files.files = {"/dump/SY.zip": buf.getvalue(), "/dump/XX.zip": b"not a zip"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/dump/"
    server.shutdown()
    server.server_close()


def test_download_from_a_local_server(fresh_dirs, dump_server):
    _, data = fresh_dirs
    res = CliRunner().invoke(gazetteer_group, ["download", "sy", "--url-base", dump_server])
    assert res.exit_code == 0, res.output
    assert (data / "geonames" / "SY.zip").is_file()
    assert not list((data / "geonames").glob("*.tmp*"))  # installed atomically, no leftovers
    res = CliRunner().invoke(geocode_command, ["Qaryat Testiyah", "--json"])
    assert json.loads(res.output)["geonameid"] == 900101


def test_download_errors(fresh_dirs, dump_server):
    from gazetteer.download import download_country

    _, data = fresh_dirs
    with pytest.raises(DownloadError, match="404"):
        download_country("LB", url_base=dump_server, progress=False)
    with pytest.raises(DownloadError, match="not a zip"):
        download_country("XX", url_base=dump_server, progress=False)
    assert not (data / "geonames" / "XX.zip").exists()
    with pytest.raises(DownloadError):
        download_country("S Y", url_base=dump_server)
    res = CliRunner().invoke(gazetteer_group, ["download", "LB", "--url-base", dump_server])
    assert res.exit_code == 1 and "404" in res.output
