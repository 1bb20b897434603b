package org.pramaan.service.retention;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table partitioned by month on a timestamp column, whose old months are dropped whole.
 *
 * <p>PostgreSQL requires the partition key in every unique index of a partitioned table, so a uniqueness that must not
 * depend on the month (an event key, a delivery id) is kept as a unique index on each partition ({@link LocalUnique},
 * created with the partition) plus a look across all partitions in the insert itself.
 *
 * @param table     schema-qualified name, e.g. {@code bridge.inbox}
 * @param column    the partition key: a {@code timestamptz} set once when the row is made and never changed
 * @param unsettled SQL condition true for a row still waiting for work; a month holding one is never dropped.
 *                  {@code null}: every row is settled (a record kept only for the period)
 * @param uniques   unique indexes made on each partition
 */
public record PartitionedTable(String table, String column, String unsettled, List<LocalUnique> uniques) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * A unique index on each partition.
     *
     * @param suffix     ends the index's name ({@code <partition>_<suffix>})
     * @param definition what follows {@code ON <partition>}: columns and an optional {@code WHERE}
     */
    public record LocalUnique(String suffix, String definition) {
        public LocalUnique {
            if (!COLUMN.matcher(Objects.requireNonNull(suffix, "suffix")).matches()) {
                throw new IllegalArgumentException("index suffix must be a plain lower-case name: " + suffix);
            }
            Objects.requireNonNull(definition, "definition");
        }
    }

    public PartitionedTable {
        if (!NAME.matcher(Objects.requireNonNull(table, "table")).matches()) {
            throw new IllegalArgumentException("table must be schema.name in lower case: " + table);
        }
        if (!COLUMN.matcher(Objects.requireNonNull(column, "column")).matches()) {
            throw new IllegalArgumentException("column must be a plain lower-case name: " + column);
        }
        uniques = List.copyOf(Objects.requireNonNull(uniques, "uniques"));
    }

    public String schema() {
        return table.substring(0, table.indexOf('.'));
    }

    public String name() {
        return table.substring(table.indexOf('.') + 1);
    }
}
