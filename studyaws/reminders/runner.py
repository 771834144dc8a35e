"""Running external programs (systemctl, crontab, launchctl, notifiers) behind one small, replaceable call."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence


class Completed:
    """What a program did: its exit status and output (127 when it does not exist, 124 on timeout)."""

    __slots__ = ("returncode", "stderr", "stdout")

    def __init__(self, returncode: int, stdout: str = "", stderr: str = "") -> None:
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def reason(self) -> str:
        """The program's own one-line explanation of a failure."""
        lines = [line.strip() for line in (self.stderr or self.stdout).splitlines() if line.strip()]
        return lines[0] if lines else f"exit status {self.returncode}"

    def __repr__(self) -> str:
        return f"Completed({self.returncode}, stdout={self.stdout!r}, stderr={self.stderr!r})"


# A runner takes an argv and an optional environment; tests pass a recording one.
Runner = Callable[[Sequence[str], Mapping[str, str] | None], Completed]


def run_program(argv: Sequence[str], env: Mapping[str, str] | None = None, timeout: float = 60) -> Completed:
    """Run `argv` (never through a shell), with no stdin, capturing its output."""
    import subprocess  # ~15 ms: only when a program is actually run

    try:
        done = subprocess.run(
            list(argv),
            env=None if env is None else dict(env),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError:
        return Completed(127, "", f"{argv[0]}: not found")
    except PermissionError:
        return Completed(126, "", f"{argv[0]}: not executable")
    except subprocess.TimeoutExpired:
        return Completed(124, "", f"{argv[0]}: no answer within {timeout:g} s")
    # Decoded by hand: text mode would turn \r\n into \n, and `crontab -l` output is written back unchanged.
    return Completed(done.returncode, _text(done.stdout), _text(done.stderr))


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def default_runner(argv: Sequence[str], env: Mapping[str, str] | None = None) -> Completed:
    return run_program(argv, env)


def show(argv: Sequence[str]) -> str:
    """An argv as a user would type it."""
    import shlex

    return shlex.join(argv)
