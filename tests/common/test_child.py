"""common.child: a function run in a forked child gives back its result or its error."""

import os

import pytest
from common.child import ChildError, run_in_child


def _pid_and_sum(values: list[int]) -> tuple[int, int]:
    return os.getpid(), sum(values)


def _fails(message: str) -> None:
    raise ValueError(message)


def test_the_result_comes_back_from_another_process() -> None:
    pid, total = run_in_child(_pid_and_sum, [1, 2, 3])
    assert total == 6
    assert pid != os.getpid()


def test_an_error_in_the_child_is_raised_here_with_its_traceback() -> None:
    with pytest.raises(ChildError, match=r"(?s)failed:.*ValueError: no stories today"):
        run_in_child(_fails, "no stories today")
