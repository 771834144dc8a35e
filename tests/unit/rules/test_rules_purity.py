"""The rules package stays pure: standard library only, no floats, no I/O, no clock, no global random."""

import ast
from pathlib import Path

import pytest

import studyaws.core.rules as rules

PACKAGE = Path(rules.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))
ALLOWED = {"__future__", "collections", "dataclasses", "enum", "fractions", "math", "random", "re", "typing"}
FORBIDDEN_CALLS = {"open", "float", "print", "input", "eval", "exec"}


def test_modules_found() -> None:
    assert len(MODULES) >= 10


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_module_is_pure(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstring = ast.get_docstring(tree)
    assert docstring, f"{path.name} needs a module docstring"
    assert 50 <= len(source.splitlines()) <= 300, f"{path.name} should be 50–300 lines"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name.split(".")[0] in ALLOWED, alias.name
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            assert module.split(".")[0] in ALLOWED or module.startswith("studyaws.core.rules"), module
        elif isinstance(node, ast.Constant):
            assert not isinstance(node.value, float), f"float literal in {path.name}"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in FORBIDDEN_CALLS, f"{node.func.id}() in {path.name}"
        elif (
            isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "random"
        ):
            assert node.attr == "Random", f"global random.{node.attr} in {path.name}"


def test_every_calculator_cites_its_aws_page() -> None:
    calculators = [
        rules.read_capacity,
        rules.write_capacity,
        rules.gsi_write_capacity,
        rules.burst_seconds,
        rules.xray_sampled,
        rules.concurrency_needed,
        rules.lambda_reserved,
        rules.lambda_scaling_time,
        rules.stream_concurrency,
        rules.sqs_scaling_minutes,
        rules.kinesis_shards,
        rules.apigateway_limit,
        rules.apigateway_bucket,
        rules.s3_prefixes,
        rules.sqs_batches,
        rules.kms_encrypt_overage,
    ]
    for calculator in calculators:
        assert "https://" in (calculator.__doc__ or ""), calculator.__name__
        assert "aws" in (calculator.__doc__ or ""), calculator.__name__
