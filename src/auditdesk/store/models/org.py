"""The organisation: the office, its units as a tree, employees and application users."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from auditdesk.domain.values import Role
from auditdesk.store.base import Base, utcnow

__all__ = ["Employee", "Office", "OrgUnit", "Role", "User"]


class Office(Base):
    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(40))
    address: Mapped[str] = mapped_column(String(300), default="")
    # civil service (służba cywilna) or local government (samorząd): decides the appraisal rules
    sector: Mapped[str] = mapped_column(String(20), default="civil_service")

    units: Mapped[list[OrgUnit]] = relationship(back_populates="office")


class OrgUnit(Base):
    __tablename__ = "org_unit"
    __table_args__ = (UniqueConstraint("office_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300))
    customer_facing: Mapped[bool] = mapped_column(default=False)

    office: Mapped[Office] = relationship(back_populates="units")
    parent: Mapped[OrgUnit | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[OrgUnit]] = relationship(back_populates="parent")
    employees: Mapped[list[Employee]] = relationship(
        back_populates="unit", foreign_keys="Employee.unit_id"
    )


class Employee(Base):
    __tablename__ = "employee"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    position: Mapped[str] = mapped_column(String(200))
    # a badge or desk number lets an auditor name the official without knowing them
    badge: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    is_manager: Mapped[bool] = mapped_column(default=False)
    is_head_of_office: Mapped[bool] = mapped_column(default=False)
    customer_facing: Mapped[bool] = mapped_column(default=False)
    employed_since: Mapped[date | None]
    active: Mapped[bool] = mapped_column(default=True)

    unit: Mapped[OrgUnit] = relationship(back_populates="employees", foreign_keys=[unit_id])
    supervisor: Mapped[Employee | None] = relationship(remote_side=[id])

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(
        Enum(Role, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])
    )
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id"))
    # argon2 hash; None until a password is set (sign-in is refused without one)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    employee: Mapped[Employee | None] = relationship()
