"""The plain pieces reports are made of: a figure with its prior-period value, an account line,
and a section of lines with its subtotal."""

from dataclasses import dataclass, field


@dataclass
class Figure:
    current: int
    prior: int

    def __add__(self, other: "Figure") -> "Figure":
        return Figure(self.current + other.current, self.prior + other.prior)

    def __sub__(self, other: "Figure") -> "Figure":
        return Figure(self.current - other.current, self.prior - other.prior)


@dataclass
class Line:
    code: str
    name: str
    current: int
    prior: int


@dataclass
class Section:
    key: str
    title: str
    lines: list[Line] = field(default_factory=list)
    current: int = 0
    prior: int = 0

    def add(self, line: Line) -> None:
        self.lines.append(line)
        self.current += line.current
        self.prior += line.prior

    @property
    def total(self) -> Figure:
        return Figure(self.current, self.prior)
