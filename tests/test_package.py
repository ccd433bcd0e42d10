"""A non-editable install (a built wheel) carries the ontology, the shapes and the seeds."""

import site
import subprocess
import sys
import venv
import zipfile

from conftest import REPO


def test_wheel_installs_and_builds_the_seeds(tmp_path):
    """Build a wheel, install it into a clean virtual environment, and build from there."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
    )
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    # Dependencies come from this environment's site-packages, added as a plain path: .pth files
    # there (such as the editable install of the checkout) are not processed, so only the wheel
    # provides diplokg.
    purelib = subprocess.run(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = "\n".join(site.getsitepackages())
    (tmp_path / "venv-deps").write_text(deps)
    with open(f"{purelib}/zz-deps.pth", "w") as fh:
        fh.write(deps + "\n")
    wheel = next(wheels.glob("diplokg-*.whl"))
    # Every page asset ships: templates, the vendored editor and map, the example queries.
    shipped = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("templates", "static"):
        for path in (REPO / "server" / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                name = "diplokg/server/" + path.relative_to(REPO / "server").as_posix()
                assert name in shipped, f"{name} is not in the wheel"
    subprocess.run(
        [py, "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, capture_output=True
    )
    out = tmp_path / "out"
    result = subprocess.run(
        [env_dir / "bin" / "diplokg", "build", "--out", str(out)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert str(REPO) not in result.stderr, "the build read files from the checkout"
    for name in ("diplokg.trig", "ontology.html"):
        assert (out / "current" / name).is_file()
