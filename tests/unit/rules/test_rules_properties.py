"""Hypothesis properties: monotonicity, consistency ordering, and grading that names every misconception."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from studyaws.core.rules import (
    BucketInputs,
    ConcurrencyInputs,
    Consistency,
    Drill,
    Mode,
    PrefixInputs,
    ReadInputs,
    ReadOp,
    ReservedInputs,
    ReservedQuestion,
    SamplingInputs,
    ScalingInputs,
    ShardInputs,
    SqsBatchInputs,
    StreamInputs,
    WriteInputs,
    WriteOp,
    check,
)
from studyaws.core.rules.xray import RuleSource

MAX_ITEM = 400 * 1024
sizes_st = st.lists(st.integers(min_value=1, max_value=MAX_ITEM), min_size=1, max_size=12).map(
    lambda xs: tuple(Fraction(x) for x in xs)
)
rates_st = st.fractions(min_value=Fraction(1, 4), max_value=5000, max_denominator=8).filter(lambda r: r > 0)
read_ops = st.sampled_from((ReadOp.GET, ReadOp.BATCH_GET, ReadOp.QUERY, ReadOp.SCAN))
plain = st.sampled_from((Consistency.STRONG, Consistency.EVENTUAL))
modes = st.sampled_from(tuple(Mode))
write_ops = st.sampled_from(tuple(WriteOp))


@st.composite
def read_inputs(draw: st.DrawFn) -> ReadInputs:
    op = draw(st.sampled_from(tuple(ReadOp)))
    consistency = Consistency.TRANSACTIONAL if op is ReadOp.TRANSACT_GET else draw(plain)
    return ReadInputs(draw(sizes_st), draw(rates_st), consistency, op, draw(modes))


@st.composite
def write_inputs(draw: st.DrawFn) -> WriteInputs:
    op = draw(write_ops)
    sizes = draw(sizes_st)
    before: tuple[Fraction | None, ...] = ()
    if op is not WriteOp.DELETE and draw(st.booleans()):
        before = tuple(draw(st.one_of(st.none(), st.integers(1, MAX_ITEM).map(Fraction))) for _ in sizes)
    return WriteInputs(sizes, draw(rates_st), op, before, draw(modes))


@st.composite
def sampling_inputs(draw: st.DrawFn) -> SamplingInputs:
    return SamplingInputs(
        Fraction(draw(st.integers(0, 20000))),
        draw(st.integers(0, 500)),
        draw(st.fractions(0, 1, max_denominator=200)),
        draw(st.integers(1, 50)),
        draw(st.sampled_from(tuple(RuleSource))),
    )


@st.composite
def any_drill(draw: st.DrawFn) -> Drill:
    choice = draw(st.integers(0, 10))
    if choice == 0:
        return draw(read_inputs())
    if choice == 1:
        return draw(write_inputs())
    if choice == 2:
        return draw(sampling_inputs())
    if choice == 3:
        return ConcurrencyInputs(
            draw(rates_st), draw(st.fractions(Fraction(1, 1000), 900, max_denominator=1000))
        )
    if choice == 4:
        reserved = draw(st.lists(st.integers(0, 300), max_size=3))
        return ReservedInputs(
            tuple(reserved),
            1000 + sum(reserved),
            draw(st.sampled_from(tuple(ReservedQuestion))),
        )
    if choice == 5:
        current = draw(st.integers(0, 5000))
        return ScalingInputs(current + draw(st.integers(1, 20000)), current)
    if choice == 6:
        return StreamInputs(draw(st.integers(1, 500)), draw(st.integers(1, 10)))
    if choice == 7:
        return ShardInputs(
            Fraction(draw(st.integers(1, 2 * 1024 * 1024))),
            draw(rates_st),
            draw(st.integers(0, 6)),
            draw(st.integers(0, 20)),
        )
    if choice == 8:
        rate = draw(st.integers(1, 5000))
        return BucketInputs(
            Fraction(rate),
            Fraction(draw(st.integers(0, 5000))),
            Fraction(draw(st.integers(1, 20000))),
            Fraction(draw(st.integers(1, 60))),
        )
    if choice == 9:
        return PrefixInputs(Fraction(draw(st.integers(0, 100000))), Fraction(draw(st.integers(1, 100000))))
    return SqsBatchInputs(Fraction(draw(st.integers(1, 1024 * 1024))), draw(st.integers(1, 5000)))


@given(sizes_st, rates_st, read_ops, plain, st.data())
def test_reads_monotone_in_size(
    sizes: tuple[Fraction, ...], rate: Fraction, op: ReadOp, c: Consistency, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(sizes) - 1))
    grown = list(sizes)
    grown[index] = min(Fraction(MAX_ITEM), grown[index] + data.draw(st.integers(0, MAX_ITEM)))
    small = ReadInputs(sizes, rate, c, op).calculate()
    large = ReadInputs(tuple(grown), rate, c, op).calculate()
    assert small.exact <= large.exact and small.answer <= large.answer


@given(sizes_st, rates_st, rates_st, read_ops, plain)
def test_reads_monotone_in_rate(
    sizes: tuple[Fraction, ...], r1: Fraction, r2: Fraction, op: ReadOp, c: Consistency
) -> None:
    low, high = sorted((r1, r2))
    assert (
        ReadInputs(sizes, low, c, op).calculate().answer <= ReadInputs(sizes, high, c, op).calculate().answer
    )


@given(sizes_st, rates_st, modes)
def test_eventual_le_strong_le_transactional(sizes: tuple[Fraction, ...], rate: Fraction, mode: Mode) -> None:
    eventual = ReadInputs(sizes, rate, Consistency.EVENTUAL, ReadOp.BATCH_GET, mode).calculate()
    strong = ReadInputs(sizes, rate, Consistency.STRONG, ReadOp.BATCH_GET, mode).calculate()
    transactional = ReadInputs(sizes, rate, Consistency.TRANSACTIONAL, ReadOp.TRANSACT_GET, mode).calculate()
    assert eventual.exact <= strong.exact <= transactional.exact
    assert eventual.answer <= strong.answer <= transactional.answer
    assert strong.exact == 2 * eventual.exact and transactional.exact == 2 * strong.exact


@given(sizes_st, rates_st, st.data())
def test_writes_monotone(sizes: tuple[Fraction, ...], rate: Fraction, data: st.DataObject) -> None:
    op = data.draw(st.sampled_from((WriteOp.BATCH_WRITE, WriteOp.TRANSACT_WRITE)))
    sizes = sizes[:25]
    grown = tuple(min(Fraction(MAX_ITEM), s + data.draw(st.integers(0, 4096))) for s in sizes)
    faster = rate + data.draw(st.integers(0, 100))
    base = WriteInputs(sizes, rate, op).calculate()
    assert base.answer <= WriteInputs(grown, rate, op).calculate().answer
    assert base.answer <= WriteInputs(sizes, faster, op).calculate().answer
    plain_write = WriteInputs(sizes, rate, WriteOp.BATCH_WRITE).calculate()
    assert plain_write.exact <= WriteInputs(sizes, rate, WriteOp.TRANSACT_WRITE).calculate().exact


@given(sampling_inputs())
def test_sampling_bounds(inputs: SamplingInputs) -> None:
    traced = inputs.calculate().exact
    assert 0 <= traced <= inputs.requests
    assert inputs.fleet(RuleSource.CENTRAL) <= inputs.fleet(RuleSource.LOCAL)


@given(any_drill())
@settings(max_examples=400)
def test_right_answer_always_graded_correct(inputs: Drill) -> None:
    calc = inputs.calculate()
    assert check(inputs, calc.answer).correct
    assert check(inputs, str(calc.answer)).correct
    assert calc.exact <= calc.answer


@given(any_drill())
@settings(max_examples=400)
def test_every_differing_misconception_is_named(inputs: Drill) -> None:
    answer = inputs.calculate().answer
    for misconception in inputs.misconceptions():
        if misconception.answer == answer:
            continue
        verdict = check(inputs, misconception.answer)
        assert not verdict.correct
        assert verdict.mistake is not None
        if verdict.misconception != "not-rounded-up":
            assert misconception.code in verdict.codes
            assert misconception.mistake in verdict.mistake
