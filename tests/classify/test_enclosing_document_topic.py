"""An object nested in a document of a sensitive kind is on that document's topic.

An API defines a payroll run once, with its earnings as objects of their own (`Earning`,
nested as `earnings[]`): the amount of an earning is the employee's pay (GB/T 35273 Annex A,
个人财产信息: 收入) wherever the object is read, as it is inside the run. Only sensitive topics
pass down: the object's own name says the rest (an employee's `Address` nested in a payroll run
does not become pay)."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

OPENAPI = """
openapi: 3.0.3
info: {title: HR, version: '1'}
paths: {}
components:
  schemas:
    Employee:
      type: object
      properties:
        id: {type: string}
        first_name: {type: string}
        last_name: {type: string}
        work_email: {type: string}
    EmployeePayrollRun:
      type: object
      properties:
        id: {type: string}
        employee: {type: string, description: The employee whose payroll is being run.}
        gross_pay: {type: number}
        earnings:
          type: array
          items: {$ref: '#/components/schemas/Earning'}
        home:
          $ref: '#/components/schemas/Residence'
    Earning:
      type: object
      properties:
        id: {type: string}
        employee_payroll_run: {type: string, description: The earning's employee payroll run.}
        amount: {type: number, description: The amount earned.}
        type: {type: string}
    Residence:
      type: object
      properties:
        street: {type: string}
        city: {type: string}
"""


def test_a_nested_earning_is_pay(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"openapi.yaml": OPENAPI})
    earning = {f.field.name: f for f in found["Earning"].findings}
    assert earning["amount"].sensitive
    assert earning["amount"].element == "pi.education_work.salary"
    residence = {f.field.name: f for f in found["Residence"].findings}
    assert not any((f.element or "").startswith("pi.education_work") for f in residence.values())
