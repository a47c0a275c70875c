package org.haochaping.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The map the streaming tally looks groups and open bad reviews up in behaves as a HashMap, removals included. */
class CharKeyMapProperties {

    @Provide
    Arbitrary<List<String>> operations() {
        // "+k" puts k, "-k" removes k; few distinct keys, so that probe runs collide and removals shift entries back.
        return Arbitraries.strings().withChars("+-").ofLength(1)
                .flatMap(op -> Arbitraries.strings().withChars("ABab01").ofMinLength(0).ofMaxLength(3).map(k -> op + k))
                .list().ofMaxSize(400);
    }

    @Property(tries = 300)
    void behavesAsAHashMap(@ForAll("operations") List<String> operations) {
        CharKeyMap<Integer> map = new CharKeyMap<>();
        Map<String, Integer> model = new HashMap<>();
        int n = 0;
        for (String op : operations) {
            String key = op.substring(1);
            char[] chars = (key + "#junk").toCharArray(); // lookups read only the first key.length() chars
            if (op.charAt(0) == '+') {
                assertThat(map.put(key, n)).isEqualTo(model.put(key, n));
            } else {
                assertThat(map.remove(chars, key.length())).isEqualTo(model.remove(key));
            }
            n++;
            assertThat(map.size()).isEqualTo(model.size());
            for (Map.Entry<String, Integer> e : model.entrySet()) {
                assertThat(map.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(map.get(chars, key.length())).isEqualTo(model.get(key));
        }
        Map<String, Integer> listed = new HashMap<>();
        for (int i = 0; i < map.capacity(); i++) {
            if (map.keyAt(i) != null) {
                listed.put(map.keyAt(i), map.valueAt(i));
            }
        }
        assertThat(listed).isEqualTo(model);
    }
}
