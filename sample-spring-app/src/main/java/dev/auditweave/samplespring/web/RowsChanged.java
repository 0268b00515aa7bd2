package dev.auditweave.samplespring.web;

/** The answer of an endpoint whose change is an UPDATE or DELETE: how many rows it changed. */
public record RowsChanged(int rows) {
}
