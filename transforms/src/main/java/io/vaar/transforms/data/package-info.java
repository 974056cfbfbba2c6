/**
 * Reading study data from files: {@link io.vaar.transforms.data.WideCsv} loads a wide CSV
 * (one row per respondent, one column per variable) and hands the SEM engine numeric matrices
 * split by group, with missing cells as {@code NaN}. Problems with the file surface as
 * {@link io.vaar.transforms.data.InputException}s whose one-line messages name the file, the
 * line and the column, so a user can fix the data without reading a stack trace.
 */
package io.vaar.transforms.data;
