package org.haochaping.buildtools;

import java.util.List;
import java.util.Set;

/**
 * What the build's checks need to know about one class file: its name, access, supertypes, members and every type
 * it refers to. Names are internal names ({@code org/haochaping/client/HcpClient$Builder}).
 *
 * @param access the access flags; for a nested class those of its InnerClasses entry (which keep
 *     {@code protected}, {@code private} and {@code static}, unlike the class's own flags)
 * @param outerName the enclosing class of a member class; {@code null} for a top-level class
 * @param local a local or anonymous class: never part of any API
 * @param internalMarked annotated {@code @InternalApi}
 * @param references every type the class file names: constant pool, descriptors, signatures, annotations
 * @param memberReferences every field and method of another class the code uses, as {@link #memberKey}
 */
public record ClassInfo(
        String name,
        int access,
        String superName,
        List<String> interfaces,
        String signature,
        String outerName,
        boolean local,
        boolean internalMarked,
        boolean deprecated,
        List<MemberInfo> fields,
        List<MemberInfo> methods,
        Set<String> references,
        Set<String> memberReferences) {

    /** How a member reference is written: {@code owner#name descriptor}. */
    public static String memberKey(String owner, String name, String descriptor) {
        return owner + "#" + name + " " + descriptor;
    }

    /** The package in internal form ({@code org/haochaping/client}); empty for the unnamed package. */
    public String packageName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** The binary name with dots for the package separator ({@code org.haochaping.client.HcpClient$Builder}). */
    public String binaryName() {
        return name.replace('/', '.');
    }

    /** The simple name of the class as written in source ({@code Builder}). */
    public String simpleName() {
        String tail = name.substring(name.lastIndexOf('/') + 1);
        return tail.substring(tail.lastIndexOf('$') + 1);
    }

    /**
     * One field or method.
     *
     * @param signature the generic signature; {@code null} when the member has none
     */
    public record MemberInfo(
            int access,
            String name,
            String descriptor,
            String signature,
            List<String> exceptions,
            boolean internalMarked,
            boolean deprecated) {
    }
}
