"""People tables named in Spanish, Portuguese, French, Italian or German (`alumnos`,
`profesores`, `benutzer`) are about people like their English counterparts; a course list in
those languages is a catalogue of offerings; a parcel's sender is a person like its receiver."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

SCHOOL = """
CREATE TABLE alumnos (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    nombre VARCHAR(32) NOT NULL,
    apellidos VARCHAR(64) NOT NULL
);
CREATE TABLE profesores (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    nombre VARCHAR(32) NOT NULL,
    apellidos VARCHAR(64) NOT NULL
);
CREATE TABLE asignaturas (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    nombre VARCHAR(64) NOT NULL,
    profesor INT NOT NULL,
    FOREIGN KEY asignaturas_profesores (profesor) REFERENCES profesores (id)
);
CREATE TABLE matriculas (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    alumno INT NOT NULL,
    asignatura INT NOT NULL,
    nota INT,
    FOREIGN KEY matriculas_alumnos (alumno) REFERENCES alumnos (id),
    FOREIGN KEY matriculas_asignaturas (asignatura) REFERENCES asignaturas (id)
);
"""


def test_spanish_school_tables(tmp_path: Path) -> None:
    """`alumnos` are students and `profesores` teachers: their `nombre` is a person's name; an
    enrolment keyed by its `alumno` is the student's; the subjects taught (`asignaturas`) are
    not about the teacher who gives them."""
    results = _scan(tmp_path, {"escuela.sql": SCHOOL})
    students = results["alumnos"]
    assert students.subject.kind == "person" and students.subject.role == "student"
    assert _finding(students, "nombre").element == "pi.identity.name"
    teachers = results["profesores"]
    assert teachers.subject.kind == "person" and teachers.subject.role == "employee"
    assert _finding(teachers, "nombre").element == "pi.identity.name"
    enrolment = results["matriculas"]
    assert enrolment.subject.kind == "person_linked"
    assert _finding(enrolment, "nota").personal
    subjects = results["asignaturas"]
    assert subjects.subject.kind != "person_linked"
    assert not _finding(subjects, "nombre").personal


def test_german_users_and_french_students(tmp_path: Path) -> None:
    """`benutzer` (German) and `etudiants` (French) name people: a generic `name` there is theirs."""
    text = (
        "CREATE TABLE benutzer (id INT PRIMARY KEY, name VARCHAR(64), stadt VARCHAR(64));\n"
        "CREATE TABLE etudiants (id INT PRIMARY KEY, name VARCHAR(64));\n"
        "CREATE TABLE produkte (id INT PRIMARY KEY, name VARCHAR(64));\n"
    )
    results = _scan(tmp_path, {"s.sql": text})
    assert results["benutzer"].subject.kind == "person"
    assert results["etudiants"].subject.role == "student"
    assert _finding(results["benutzer"], "name").element == "pi.identity.name"
    assert not _finding(results["produkte"], "name").personal


def test_parcel_sender_contact(tmp_path: Path) -> None:
    """A waybill's sender is a person like its receiver: both phones and addresses are PI."""
    text = (
        "CREATE TABLE express (id INT PRIMARY KEY, code VARCHAR(20), sender VARCHAR(20),"
        " sender_phone VARCHAR(20), sender_addr VARCHAR(50), receiver VARCHAR(20),"
        " receiver_phone VARCHAR(20), receiver_addr VARCHAR(50), state VARCHAR(10));\n"
    )
    doc = _scan(tmp_path, {"express.sql": text})["express"]
    assert _finding(doc, "sender_phone").element == "pi.contact.mobile"
    assert _finding(doc, "sender_addr").element == "pi.contact.address"
    assert _finding(doc, "receiver_phone").element == "pi.contact.mobile"


def test_staff_and_student_numbers(tmp_path: Path) -> None:
    """German staff and student numbers (`Personalnummer`, `MatrikelNr`) and a French
    `matricule` are a person's number wherever they stand."""
    text = (
        "CREATE TABLE zeiterfassung (id INT PRIMARY KEY, personalnummer INT, datum DATE);\n"
        "CREATE TABLE pruefungsergebnis (id INT PRIMARY KEY, MatrikelNr INT, punkte INT);\n"
        "CREATE TABLE pointage (id INT PRIMARY KEY, matricule VARCHAR(20), jour DATE);\n"
    )
    results = _scan(tmp_path, {"s.sql": text})
    assert _finding(results["zeiterfassung"], "personalnummer").element == "pi.identity.work_id"
    assert _finding(results["pruefungsergebnis"], "MatrikelNr").personal
    assert _finding(results["pointage"], "matricule").element == "pi.identity.work_id"


def test_german_glued_customer_number_links_orders(tmp_path: Path) -> None:
    """`kundennr` (Kunden-Nr, the customer's number glued to its role word) keys an order to
    the customer, as `customer_no` would."""
    text = (
        "CREATE TABLE kunden (kundennr INT PRIMARY KEY, vorname VARCHAR(32), nachname VARCHAR(32));\n"
        "CREATE TABLE bestellungen (bestellnr INT PRIMARY KEY, kundennr INT, bestelldatum DATE,"
        " betrag DECIMAL(10,2));\n"
    )
    orders = _scan(tmp_path, {"shop.sql": text})["bestellungen"]
    assert orders.subject.kind == "person_linked" and orders.subject.role == "customer"
    assert _finding(orders, "betrag").personal
