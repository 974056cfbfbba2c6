package io.vaar.transforms.data;

import java.util.List;

/**
 * One data row of a CSV file with the 1-based file line it starts on, kept so that a bad cell
 * found later, when a variable is first requested, can still be reported by line.
 *
 * @param line the 1-based line in the file (the header is line 1)
 * @param cells the cell values, already unquoted
 */
record CsvRow(int line, List<String> cells) {
}
