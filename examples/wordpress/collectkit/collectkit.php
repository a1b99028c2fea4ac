<?php
/**
 * Plugin Name: Collectkit
 * Description: Invoice follow-up and debt collection for the association's members: shortcodes [collect_quote], [collect_enrol], [collect_case] and [collect_status] for the Collectkit web components.
 * Version: 0.1.0
 * Requires at least: 6.5
 * Requires PHP: 7.4
 * License: MIT
 * Text Domain: collectkit
 */

if (!defined('ABSPATH')) {
	exit;
}

const COLLECTKIT_OPTION = 'collectkit_settings';
const COLLECTKIT_HANDLE = 'collectkit-elements';

/** The saved settings with their defaults. */
function collectkit_settings() {
	$saved = get_option(COLLECTKIT_OPTION, array());
	return wp_parse_args(is_array($saved) ? $saved : array(), array(
		'publishable_key' => '',
		'api_base'        => '',
		'script_url'      => '',
	));
}

/** Where collect.js comes from: the setting, else `<api base>/embed/collect.js` (where collectkit-server serves it). */
function collectkit_script_url() {
	$settings = collectkit_settings();
	if ($settings['script_url'] !== '') {
		return $settings['script_url'];
	}
	return $settings['api_base'] !== '' ? untrailingslashit($settings['api_base']) . '/embed/collect.js' : '';
}

// ------------------------------------------------------------------------------------ the script

add_action('wp_enqueue_scripts', function () {
	$url = collectkit_script_url();
	if ($url !== '') {
		// Registered everywhere, enqueued only by a shortcode on the page being rendered.
		wp_register_script(COLLECTKIT_HANDLE, $url, array(), null, array('in_footer' => true));
	}
});

/**
 * The bundle is an ES module, and optimisers must leave it alone: combining, deferring, delaying until
 * user interaction or rewriting `type` all break it (docs: WordPress). `data-no-optimize`/`data-no-defer`
 * (LiteSpeed and others), `data-cfasync="false"` (Cloudflare Rocket Loader), `nowprocket` (WP Rocket).
 */
add_filter('wp_script_attributes', function ($attributes) {
	if (isset($attributes['id']) && $attributes['id'] === COLLECTKIT_HANDLE . '-js') {
		$attributes['type']              = 'module';
		$attributes['data-no-optimize']  = '1';
		$attributes['data-no-defer']     = '1';
		$attributes['data-no-minify']    = '1';
		$attributes['data-cfasync']      = 'false';
		$attributes['nowprocket']        = true;
	}
	return $attributes;
});

// ------------------------------------------------------------------------------------ shortcodes

/**
 * One element tag with its attributes, every value escaped. Only the attributes each element knows are
 * passed through; the key and API base come from the settings unless the shortcode gives them.
 */
function collectkit_element($tag, $atts, $allowed, $needs_key) {
	$settings = collectkit_settings();
	if (wp_script_is(COLLECTKIT_HANDLE, 'registered')) {
		wp_enqueue_script(COLLECTKIT_HANDLE);
	}
	$atts = shortcode_atts(array_fill_keys($allowed, ''), $atts, $tag);
	if ($needs_key) {
		$atts['publishable-key'] = $atts['publishable-key'] !== '' ? $atts['publishable-key'] : $settings['publishable_key'];
		$atts['api-base']        = $atts['api-base'] !== '' ? $atts['api-base'] : $settings['api_base'];
	}
	$html = '<' . $tag;
	foreach ($atts as $name => $value) {
		if ($value === '') {
			continue;
		}
		$value = $name === 'api-base' ? esc_url($value) : esc_attr($value);
		$html .= ' ' . esc_attr($name) . '="' . $value . '"';
	}
	return $html . '></' . $tag . '>';
}

add_action('init', function () {
	$keyed = array('publishable-key', 'api-base', 'lang', 'country');
	add_shortcode('collect_quote', function ($atts) {
		// Computed in the browser: no key needed.
		return collectkit_element('collect-quote', $atts, array('lang', 'country', 'plan', 'as-of'), false);
	});
	add_shortcode('collect_enrol', function ($atts) use ($keyed) {
		return collectkit_element('collect-enrol', $atts, $keyed, true);
	});
	add_shortcode('collect_case', function ($atts) use ($keyed) {
		return collectkit_element('collect-case', $atts, $keyed, true);
	});
	add_shortcode('collect_status', function ($atts) use ($keyed) {
		return collectkit_element('collect-status', $atts, array_merge($keyed, array('case-id')), true);
	});
});

// ------------------------------------------------------------------------------------ settings

add_action('admin_init', function () {
	register_setting('collectkit', COLLECTKIT_OPTION, array(
		'type'              => 'array',
		'sanitize_callback' => function ($input) {
			$input = is_array($input) ? $input : array();
			$key   = isset($input['publishable_key']) ? trim(sanitize_text_field($input['publishable_key'])) : '';
			if ($key !== '' && strpos($key, 'pk_') !== 0) {
				// A secret key (sk_…) must never reach a public page.
				add_settings_error(COLLECTKIT_OPTION, 'collectkit_key', __('The publishable key starts with pk_. Never enter a secret key (sk_…) here.', 'collectkit'));
				$key = '';
			}
			return array(
				'publishable_key' => $key,
				'api_base'        => isset($input['api_base']) ? esc_url_raw(trim($input['api_base']), array('https', 'http')) : '',
				'script_url'      => isset($input['script_url']) ? esc_url_raw(trim($input['script_url']), array('https', 'http')) : '',
			);
		},
	));
});

add_action('admin_menu', function () {
	add_options_page('Collectkit', 'Collectkit', 'manage_options', 'collectkit', 'collectkit_settings_page');
});

function collectkit_settings_page() {
	if (!current_user_can('manage_options')) {
		return;
	}
	$settings = collectkit_settings();
	$fields   = array(
		'publishable_key' => array(__('Publishable key', 'collectkit'), 'text', 'pk_…'),
		'api_base'        => array(__('API base', 'collectkit'), 'url', 'https://collect.example.org'),
		'script_url'      => array(__('collect.js address (optional)', 'collectkit'), 'url', __('default: <API base>/embed/collect.js', 'collectkit')),
	);
	?>
	<div class="wrap">
		<h1><?php echo esc_html__('Collectkit', 'collectkit'); ?></h1>
		<?php settings_errors(COLLECTKIT_OPTION); ?>
		<form method="post" action="options.php">
			<?php settings_fields('collectkit'); ?>
			<table class="form-table" role="presentation">
				<?php foreach ($fields as $name => $field) : ?>
					<tr>
						<th scope="row"><label for="collectkit-<?php echo esc_attr($name); ?>"><?php echo esc_html($field[0]); ?></label></th>
						<td><input class="regular-text" id="collectkit-<?php echo esc_attr($name); ?>" type="<?php echo esc_attr($field[1]); ?>"
							name="<?php echo esc_attr(COLLECTKIT_OPTION . '[' . $name . ']'); ?>"
							value="<?php echo esc_attr($settings[$name]); ?>" placeholder="<?php echo esc_attr($field[2]); ?>"></td>
					</tr>
				<?php endforeach; ?>
			</table>
			<p><?php echo esc_html__('Shortcodes: [collect_quote], [collect_enrol], [collect_case], [collect_status]. Exclude collect.js from your optimiser (see the Collectkit docs, WordPress).', 'collectkit'); ?></p>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
