package org.haochaping.buildtools;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds where code that must stay on the public API (the examples, an application) uses internal API: a reference to
 * a type that is internal ({@link ApiSurface#isInternal}) or to a member marked {@code @InternalApi}.
 */
public final class InternalApiUse {

    private InternalApiUse() {
    }

    /**
     * Every use of internal API of other packages by {@code users}, sorted; empty when there is none.
     *
     * @param lookup finds an SDK class by internal name; {@code null} when unknown
     */
    public static List<String> find(List<ClassInfo> users, Function<String, ClassInfo> lookup) {
        ApiSurface sdk = new ApiSurface(List.of(), lookup);
        Set<String> out = new TreeSet<>();
        for (ClassInfo user : users) {
            for (String type : user.references()) {
                if (isOther(user, type) && sdk.isInternal(type)) {
                    out.add(user.binaryName() + " uses internal type " + type.replace('/', '.'));
                }
            }
            for (String member : user.memberReferences()) {
                String owner = member.substring(0, member.indexOf('#'));
                if (!isOther(user, owner)) {
                    continue;
                }
                ClassInfo ownerInfo = lookup.apply(owner);
                if (ownerInfo != null && isMarked(ownerInfo, member)) {
                    out.add(user.binaryName() + " uses internal member "
                            + member.substring(0, member.indexOf(' ')).replace('/', '.'));
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean isOther(ClassInfo user, String type) {
        return type.startsWith("org/haochaping/") && !type.substring(0, Math.max(0, type.lastIndexOf('/')))
                .equals(user.packageName());
    }

    private static boolean isMarked(ClassInfo owner, String memberKey) {
        for (List<ClassInfo.MemberInfo> members : List.of(owner.fields(), owner.methods())) {
            for (ClassInfo.MemberInfo m : members) {
                if (m.internalMarked() && memberKey.equals(ClassInfo.memberKey(owner.name(), m.name(), m.descriptor()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
