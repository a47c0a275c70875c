package org.haochaping.client;

import org.haochaping.badreview.WorkOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One page of work orders (interface-spec 5.1 pagination, 5.5). Immutable. */
public final class WorkOrderPage {

    private final List<WorkOrder> items;
    private final int page;
    private final int pageSize;
    private final long total;

    WorkOrderPage(List<WorkOrder> items, int page, int pageSize, long total) {
        this.items = Collections.unmodifiableList(new ArrayList<>(items));
        this.page = page;
        this.pageSize = pageSize;
        this.total = total;
    }

    public List<WorkOrder> items() {
        return items;
    }

    /** This page's number, from 1. */
    public int page() {
        return page;
    }

    public int pageSize() {
        return pageSize;
    }

    /** How many work orders match the query in all. */
    public long total() {
        return total;
    }

    /** Whether a later page has more. */
    public boolean hasNext() {
        return (long) page * pageSize < total;
    }

    @Override
    public String toString() {
        return "WorkOrderPage{page " + page + " of " + pageSize + ", " + items.size() + " of " + total + "}";
    }
}
