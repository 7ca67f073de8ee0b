package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.Set;

public record RoleView(String id, String name, Set<String> permissions) implements Serializable {
}
