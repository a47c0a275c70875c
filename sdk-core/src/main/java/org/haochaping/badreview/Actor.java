package org.haochaping.badreview;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who did something to a work order: a role and an identifier within it (a department code, an operator
 * number; never a person's name). On the wire: {@code {"role":"HANDLING_DEPARTMENT","id":"12120000MB0000000X"}}.
 */
public final class Actor {

    private final ActorRole role;
    private final String id;

    private Actor(ActorRole role, String id) {
        this.role = role;
        this.id = id;
    }

    /**
     * @throws IllegalArgumentException when the role or the identifier is missing
     */
    @JsonCreator
    public static Actor of(@JsonProperty("role") ActorRole role, @JsonProperty("id") String id) {
        if (role == null) {
            throw new IllegalArgumentException("actor role is required");
        }
        if (id == null || id.trim().isEmpty()) {
            throw new IllegalArgumentException("actor id is required (a department code or operator number)");
        }
        return new Actor(role, id);
    }

    @JsonProperty("role")
    public ActorRole role() {
        return role;
    }

    @JsonProperty("id")
    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actor && ((Actor) o).role == role && ((Actor) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return role.hashCode() * 31 + id.hashCode();
    }

    @Override
    public String toString() {
        return role + ":" + id;
    }
}
