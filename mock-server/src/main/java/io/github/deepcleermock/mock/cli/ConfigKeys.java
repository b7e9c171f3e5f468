package io.github.deepcleermock.mock.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each key of a YAML configuration file is written: its line and, for a scalar, the text given. Jackson
 * reports positions only for what it fails to read, so a value that reads fine but is invalid (qps 0) is found here.
 * Keys are paths such as {@code port}, {@code accounts[1]}, {@code accounts[1].qps}.
 */
final class ConfigKeys {

  private final Map<String, Integer> lines = new HashMap<>();
  private final Map<String, String> scalars = new HashMap<>();

  private ConfigKeys() {}

  /** The keys of a composed YAML document (none for an empty one, null). */
  static ConfigKeys of(Node root) {
    ConfigKeys keys = new ConfigKeys();
    if (root != null) {
      keys.walk("", root);
    }
    return keys;
  }

  private void walk(String path, Node node) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
          lines.put(child, key.getStartMark().getLine() + 1);
          walk(child, tuple.getValueNode());
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        String child = path + "[" + i + "]";
        lines.put(child, items.get(i).getStartMark().getLine() + 1);
        walk(child, items.get(i));
      }
    } else if (node instanceof ScalarNode scalar) {
      scalars.put(path, scalar.getValue());
    }
  }

  /** The line of {@code key}, or of the nearest enclosing key that is written in the file. */
  Optional<Integer> line(String key) {
    String path = key;
    while (!path.isEmpty()) {
      Integer line = lines.get(path);
      if (line != null) {
        return Optional.of(line);
      }
      path = parent(path);
    }
    return Optional.empty();
  }

  /** The scalar text written for {@code key}, if it is a scalar. */
  Optional<String> scalar(String key) {
    return Optional.ofNullable(scalars.get(key));
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
